"""Regional layout analytics (一核两副三带四区, 一市一特色, 未来产业).

Pure functions over a long table (region, industry, value[, year]) or the region × industry matrix
built from it: specialisation (LQ, Krugman, Herfindahl), strong clusters, shift-share, relatedness
and economic complexity (RCA, proximity, density, ECI, PCI) and growth opportunities. See
``docs/regional-analysis.md`` for the formulas, sources and conventions.
"""

from gaodi.regional.clusters import strong_clusters
from gaodi.regional.complexity import (
                                       ComplexityResult,
                                       density,
                                       economic_complexity,
                                       presence,
                                       proximity,
                                       revealed_comparative_advantage,
)
from gaodi.regional.exclusions import Exclusion
from gaodi.regional.future_industries import (
                                       FutureIndustry,
                                       Priority,
                                       future_industries,
                                       future_industry_priorities,
)
from gaodi.regional.long_table import LongTableColumns, matrices_by_year, region_industry_matrix
from gaodi.regional.opportunities import OpportunitiesResult, growth_opportunities
from gaodi.regional.region_levels import apply_region_level
from gaodi.regional.shift_share import ShiftShareResult, shift_share
from gaodi.regional.specialisation import (
                                       SpecialisationResult,
                                       herfindahl_by_industry,
                                       herfindahl_by_region,
                                       krugman_index,
                                       location_quotients,
                                       specialisation,
)
from gaodi.regional.table_files import read_table_file

__all__ = [
    "ComplexityResult", "Exclusion", "FutureIndustry", "LongTableColumns", "OpportunitiesResult",
    "Priority", "ShiftShareResult", "SpecialisationResult", "apply_region_level", "density",
    "economic_complexity", "future_industries", "future_industry_priorities", "growth_opportunities",
    "herfindahl_by_industry", "herfindahl_by_region", "krugman_index", "location_quotients",
    "matrices_by_year", "presence", "proximity", "read_table_file", "region_industry_matrix",
    "revealed_comparative_advantage", "shift_share", "specialisation", "strong_clusters",
]
