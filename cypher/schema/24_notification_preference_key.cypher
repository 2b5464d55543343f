CREATE CONSTRAINT notification_preference_key IF NOT EXISTS FOR (p:NotificationPreference) REQUIRE p.key IS UNIQUE
