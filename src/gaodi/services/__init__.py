"""Enterprise services (企业服务): the working-day calendar, the problems closed loop, the policy calculator.

| module | holds |
| --- | --- |
| ``calendar`` | working days per China's official holiday arrangement (调休), deadlines in working days |
| ``problems`` | the event-sourced state machine of an enterprise problem (pure ``decide`` and ``fold``) |
| ``problem_events`` | immutable events, their hash chain and ``verify_history`` |
| ``problem_repository`` | the append-only ``ProblemRepository`` protocol and an in-memory store |
| ``problem_desk`` | ``ProblemDesk``: intake and handling over a repository |
| ``problem_deadlines`` | overdue and due-soon warnings |
| ``problem_stats`` | volumes, on-time rate, repeats, time to close and satisfaction by group |
| ``problem_intake`` | reading a 送解优 monthly collection file (CSV/XLSX) |
| ``policy_attributes`` | the enterprise attribute table the policy calculator reads |
| ``policy_conditions`` / ``policy_rules`` | policies as versioned rules in YAML, validated |
| ``policy_match`` | vectorised matching of every enterprise against every policy |
| ``policy_gaps`` / ``policy_explain`` | condition-by-condition explanations, both directions |
| ``attributes_from_store`` | the enterprise attribute table built from the store with Ibis |
| ``enterprise_context`` | an enterprise's name, county, park and chain from the store (to complete problems) |
| ``facade`` | ``EnterpriseServices``: everything above over a workspace's store, for the CLI and the API |
| ``demo_services`` | the demo year: example policies and 12 monthly 送解优 sheets taken through the desk |

See docs/enterprise-services.md.
"""
