CREATE CONSTRAINT person_email_key IF NOT EXISTS FOR (p:Person) REQUIRE p.email_key IS UNIQUE
