"""Meeting summaries: decisions, action items, risks, a follow-up e-mail, CRM suggestions.

Every item carries evidence (segment ids and a quote) that code checks against
the stored transcript; nothing here trusts a model's word for what was said.
"""
