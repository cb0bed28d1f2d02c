// The memory all transactions of a database may hold together, as the server states it (e.g. "1.40GiB"; "0B": no limit): a load sizes its transactions to it.
SHOW SETTINGS YIELD name, value WHERE name = 'dbms.memory.transaction.total.max'
RETURN value
