"""The policy calculator (政策计算器): policies as versioned rules, matched against every enterprise.

| module | holds |
| --- | --- |
| ``attributes`` | the enterprise attribute table the policy calculator reads |
| ``conditions`` / ``rules`` | policies as versioned rules in YAML, validated |
| ``match`` | vectorised matching of every enterprise against every policy |
| ``gaps`` / ``explain`` | condition-by-condition explanations, both directions |
| ``store_attributes`` | the enterprise attribute table built from the store with Ibis |
| ``data/`` | the example policy set (``hunan_examples.yaml``) |

See docs/enterprise-services.md.
"""
