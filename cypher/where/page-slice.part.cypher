// One page of an ordered list, counted: from `items` (the whole list, in order), `total` (its size) on every row, and for each of the $limit items after the first $skip its index `i` and the `item`; a page past the end (or of an empty list) is one row with `total`, i = -1 and a null item. Included by where/columns, where/tables and where/referencing.
WITH items, size(items) AS total, toInteger($skip) AS skip, toInteger($skip) + toInteger($limit) AS upto
UNWIND CASE WHEN total > skip THEN range(skip, CASE WHEN upto < total THEN upto ELSE total END - 1) ELSE [-1] END AS i
WITH total, i, CASE WHEN i >= 0 THEN items[i] END AS item
