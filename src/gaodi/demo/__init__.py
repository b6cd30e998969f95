"""The demo province: a deterministic synthetic Hunan on real regions and industry codes.

Every enterprise name is invented and ends in （演示） to say so; the figures are calibrated so that
the plan's 2025 base values come out of the data when computed by their definitions.
"""
