"""Enterprise problems, closed loop (企业问题闭环解决, 送解优).

| module | holds |
| --- | --- |
| ``states`` | the event-sourced state machine of an enterprise problem (pure ``decide`` and ``fold``) |
| ``events`` | immutable events, their hash chain and ``verify_history`` |
| ``repository`` | the append-only ``ProblemRepository`` protocol and an in-memory store |
| ``desk`` | ``ProblemDesk``: intake and handling over a repository |
| ``deadlines`` | overdue and due-soon warnings |
| ``stats`` | volumes, on-time rate, repeats, time to close and satisfaction by group |
| ``intake`` | reading a 送解优 monthly collection file (CSV/XLSX) |
| ``context`` | an enterprise's name, county, park and chain from the store (to complete problems) |

See docs/enterprise-services.md.
"""
