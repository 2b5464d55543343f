// :param rows => [{id: 'D1', name: 'Finance', parent_id: null}]
UNWIND $rows AS row
MERGE (d:Department {id: row.id})
SET d.name = row.name
