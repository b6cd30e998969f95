"""The directory: listing and detail queries of regions, parks and enterprises, scope-aware and paged.

Every query takes the store and the caller's :class:`~gaodi.access.Scope`, builds an Ibis expression
that never reaches outside the scope, and returns a :class:`~gaodi.directory.paging.Page` or a record.

| module | holds |
| --- | --- |
| ``paging`` | ``PageRequest``, ``Page`` and running an expression one page at a time |
| ``metrics`` | the figures shown by region and park (规上企业数, 营业收入, 利润率, 高技术制造业占比 …) |
| ``regions`` | cities and counties with their figures (the cockpit map), one city's detail |
| ``parks`` | parks with their figures, one park's detail |
| ``enterprises`` | enterprises with their latest figures, one enterprise's page |
"""
