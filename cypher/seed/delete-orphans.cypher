// Shared nodes no system points at any more (after a system was replaced) are removed.
MATCH (n:Category|Vendor|Location) WHERE NOT (n)--()
DETACH DELETE n
