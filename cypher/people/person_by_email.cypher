// The person an identity provider's token names by email, in any case (`email_key` is the
// lower-cased email, unique), and whether they are still active.
// :param email => 'Ada@Example.org'
MATCH (p:Person {email_key: toLower($email)})
RETURN p.id AS id, p.active AS active
