// One endorsement per endorser, person, skill and gig: `endorse_skill` MERGEs on this key, and
// without the constraint concurrent identical endorsements each created one.
CREATE CONSTRAINT endorsement_key IF NOT EXISTS FOR (e:Endorsement) REQUIRE e.key IS UNIQUE
