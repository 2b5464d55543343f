// One marker per generated dataset: `mark_dataset` MERGEs on its id.
CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (m:Dataset) REQUIRE m.id IS UNIQUE
