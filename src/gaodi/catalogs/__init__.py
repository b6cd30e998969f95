"""Reference catalogues shipped in the package: industries (GB/T 4754-2017 and sub-catalogues), regions, maps."""

from gaodi.catalogs.industry import IndustryCatalog, industry_catalog
from gaodi.catalogs.region import RegionCatalog, region_catalog

__all__ = ["IndustryCatalog", "RegionCatalog", "industry_catalog", "region_catalog"]
