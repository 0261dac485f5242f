"""The four pillars of closeness and the headline indicators of each, from the `panel` table.

>>> PILLARS
('diplomatic', 'economic', 'security', 'cultural')
>>> INDICATORS["un_agreement"].pillar
'diplomatic'
>>> sorted(indicators("security"))
['alliance_level', 'arms_tiv', 'exercises', 'troops']
"""
from __future__ import annotations

from dataclasses import dataclass

PILLARS = ("diplomatic", "economic", "security", "cultural")


@dataclass(frozen=True)
class Indicator:
    pillar: str
    label: str          # what a student reads on an axis
    higher_is_closer: bool = True


INDICATORS = {
    "un_agreement": Indicator("diplomatic", "Agreement with the US in UN votes (0–1)"),
    "ideal_point_distance": Indicator("diplomatic", "Distance from the US in UN ideal points", False),
    "shared_igos": Indicator("diplomatic", "International organisations shared with the US"),
    "trade_musd": Indicator("economic", "Goods trade with the US (US$ millions)"),
    "trade_share_pct": Indicator("economic", "Share of all US goods trade (%)"),
    "trade_pct_gdp": Indicator("economic", "Trade with the US as % of the partner's GDP"),
    "alliance_level": Indicator("security", "Alliance level with the US (0–3)"),
    "troops": Indicator("security", "US troops stationed in the country"),
    "arms_tiv": Indicator("security", "US major arms delivered (SIPRI TIV millions)"),
    "exercises": Indicator("security", "Military exercises with the US"),
    "students": Indicator("cultural", "Students in the US"),
    "students_per_million": Indicator("cultural", "Students in the US per million inhabitants"),
    "pct_favorable_us": Indicator("cultural", "Public with a favourable view of the US (%)"),
    "coauthor_share_pct": Indicator("cultural", "Share of US international articles co-authored (%)"),
}


def indicators(pillar: str) -> list[str]:
    """The panel columns that measure one pillar."""
    if pillar not in PILLARS:
        raise ValueError(f"{pillar!r} is not a pillar; the pillars are {', '.join(PILLARS)}.")
    return [name for name, ind in INDICATORS.items() if ind.pillar == pillar]
