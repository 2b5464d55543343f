// Gives people imported before `email_key` existed their lower-cased email key (idempotent:
// touches only people without one).
MATCH (p:Person) WHERE p.email_key IS NULL AND p.email IS NOT NULL
SET p.email_key = toLower(p.email)
