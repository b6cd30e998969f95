"""Industrial chains (链长制): placements, local supporting rate, diagnosis, targets, projects.

Written once on Ibis expressions; they run on DuckDB over the store or on Spark over Parquet.
"""

from gaodi.chains.analysis import ChainAnalysis, Options
from gaodi.chains.graph import to_graphml
from gaodi.chains.purchases import Period
from gaodi.chains.sources import ChainData, export_parquet, from_parquet, from_store, spark_session
from gaodi.chains.suppression import suppress

__all__ = ["ChainAnalysis", "ChainData", "Options", "Period", "export_parquet", "from_parquet",
           "from_store", "spark_session", "suppress", "to_graphml"]
