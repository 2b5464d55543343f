CREATE INDEX skill_label_key IF NOT EXISTS FOR (s:Skill) ON (s.label_key)
