"""Thin wrapper around the data warehouse connection."""
from __future__ import annotations

import os
from dataclasses import dataclass

import sqlalchemy as sa


@dataclass(frozen=True)
class WarehouseConfig:
    host: str = "warehouse.northwind.local"
    port: int = 5432
    user: str = "analyst"
    password: str = os.environ.get("DWH_PASSWORD", "")
    database: str = "dwh"

    @property
    def url(self) -> str:
        return f"postgresql://{self.user}:{self.password}@{self.host}:{self.port}/{self.database}"


def engine(cfg: WarehouseConfig | None = None) -> sa.Engine:
    return sa.create_engine((cfg or WarehouseConfig()).url, pool_pre_ping=True)
