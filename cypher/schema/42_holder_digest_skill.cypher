CREATE CONSTRAINT holder_digest_skill IF NOT EXISTS FOR (d:HolderDigest) REQUIRE d.skill_id IS UNIQUE
