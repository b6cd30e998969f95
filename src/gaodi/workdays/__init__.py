"""The working-day calendar (工作日): official holiday arrangements, make-up working days, deadlines.

See :mod:`gaodi.workdays.calendar` and docs/enterprise-services.md.
"""
