// The end of a load, in its transaction: the load sequence (the one LoadState node) goes up by one, so every answer cached under the old number and every cursor carrying it is known to be out of date; returns the new number.
MERGE (s:LoadState {id: 'graph'})
SET s.seq = coalesce(s.seq, 0) + 1
RETURN s.seq AS seq
