"""Fill a new store with the shipped reference catalogues, logged like any import."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa

from gaodi.catalogs.files import data_file, file_sha256
from gaodi.catalogs.industry import IndustryCatalog
from gaodi.catalogs.region import RegionCatalog
from gaodi.store.database import Store


def seed_catalogues(store: Store, regions: RegionCatalog, industries: IndustryCatalog) -> bool:
    """Load regions, industries and catalogue memberships if the store has none; return whether it did."""
    counts = store.row_counts(("regions", "industries"))
    if counts["regions"] and counts["industries"]:
        return False
    started = dt.datetime.now()
    with store.transaction():
        import_id = store.next_import_id()
        region_rows = []
        for r in regions.regions.values():
            res = regions.resolve(r.code)
            region_rows.append({
                "code": r.code, "name": r.name, "level": r.level, "city_code": r.city_code,
                "province_code": r.province_code, "status": r.status,
                "successor_code": res.current[0] if r.status == "retired" and len(res.current) == 1 else None,
                "retired_in": r.until if r.status == "retired" else None,
                "in_home_province": regions.in_home_province(r.code), "import_id": import_id})
        store.delete_all("regions")
        store.insert_arrow("regions", pa.Table.from_pylist(region_rows))
        store.delete_all("industries")
        store.insert_arrow("industries", pa.Table.from_pylist([
            {"code": i.code, "name": i.name, "level": i.level, "parent_code": i.parent,
             "section": i.section, "import_id": import_id} for i in industries.industries.values()]))
        store.delete_all("industry_catalogue")
        store.insert_arrow("industry_catalogue", pa.Table.from_pylist([
            {"catalogue": cat, "code": code, "partial": m.partial,
             "category_path": " | ".join(m.category_paths) or None, "import_id": import_id}
            for cat, members in industries.members.items() for code, m in members.items()]))
        hashes = {name: file_sha256(data_file(*name.split("/"))) for name in (
            "regions/mca_areacodes_history_1981_2024.csv", "regions/hunan_current_mca_2024.csv",
            "regions/nbs_stat_areas_hunan_2023.csv", "industry/gbt4754_2017_codes.csv")}
        store.log_import({
            "import_id": import_id, "kind": "catalogue", "file_name": "gaodi/catalogs/data",
            "file_path": str(data_file()), "sha256": ";".join(f"{k}={v}" for k, v in hashes.items()),
            "rows_read": len(region_rows), "rows_imported": len(region_rows), "rows_rejected": 0,
            "rows_replaced": 0, "outcome": "ok", "message": "内置参考目录 (shipped reference catalogues)",
            "started_at": started, "finished_at": dt.datetime.now()})
    return True
