"""The tools and software people list (O*NET 29.2 technology skills), placed in the ESCO taxonomy.

Derive-time only (`python -m seed.derive_taxonomy`). Each O*NET technology example (Microsoft
Excel, Tableau, Atlassian JIRA…) used by at least `MIN_OCCUPATIONS` O*NET occupations, or flagged
as a hot technology, becomes either

* an **alias of the ESCO skill it already is** (deduplication): when one of its names (the name
  itself, the name without its vendor, without a trailing "software", or its trailing acronym:
  "Structured query language SQL" → "SQL") is an ESCO label or alias, lower case and stripped of
  punctuation; or
* a new skill of type `technology` with its UNSPSC commodity as `group`, `commodity` and
  `hot_technology` properties, and everyday names as aliases ("Excel", "JIRA", "Power BI").

A new tool is placed under ESCO through `BROADER`, by a general rule: its commodity (the most
specific one when O*NET files it under several: the commodity with the fewest tools) names the
ESCO skills software of that kind is used for, in `COMMODITY_SKILLS` below (Spreadsheet software
→ *use spreadsheets software*; Business intelligence and data analysis software → *business
intelligence*, *data analytics*). A commodity the table does not name is placed by text
similarity (TF-IDF cosine of its title against ESCO labels and aliases, at least
`MIN_COMMODITY_SIMILARITY`), and failing that under ESCO's *working with computers* group.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from seed.org import BroaderRow, SkillRow

MIN_OCCUPATIONS = 2
MIN_COMMODITY_SIMILARITY = 0.35
MAX_TOOL_ALIASES = 6
TOOL_ID_PREFIX = "onet-"
FALLBACK_GROUP_CODE = "S5"  # ESCO "working with computers"

# UNSPSC commodity (O*NET's title) -> the ESCO skills (labels) that software of that kind serves.
COMMODITY_SKILLS: Mapping[str, tuple[str, ...]] = {
    "Accounting software": ("use accounting systems",),
    # catch-all commodities go under an ESCO group: a place in the catalogue, never evidence
    "Analytical or scientific software": ("accessing and analysing digital data",),
    "Application server software": ("maintain ICT server",),
    "Backup or archival software": ("perform backups",),
    "Business intelligence and data analysis software": ("business intelligence", "data analytics"),
    "Calendar and scheduling software": ("use personal organization software",),
    "Cloud-based data access and sharing software": ("manage cloud data and storage",),
    "Cloud-based management software": ("cloud technologies",),
    "Cloud-based protection or security software": ("cloud security and compliance",),
    "Computer aided design CAD software": ("use CAD software",),
    "Computer aided manufacturing CAM software": ("CAM software",),
    "Computer based training software": ("e-learning",),
    "Configuration management software": ("tools for software configuration management",),
    "Content workflow software": ("manage workflow processes",),
    "Customer relationship management CRM software": (
        "use customer relationship management software",
    ),
    "Data base management system software": ("database management systems",),
    "Data base reporting software": ("accessing and analysing digital data",),
    "Data base user interface and query software": ("accessing and analysing digital data",),
    "Data mining software": ("data mining",),
    "Desktop communications software": ("collaborate through digital technologies",),
    "Desktop publishing software": ("desktop publishing",),
    "Development environment software": ("integrated development environment software",),
    "Document management software": ("document management",),
    "Electronic mail software": ("electronic communication",),
    "Enterprise application integration software": ("ICT system integration",),
    "Enterprise resource planning ERP software": (
        "manage standard enterprise resource planning system",
    ),
    "Enterprise system management software": ("administer ICT system",),
    "Facilities management software": ("use computerised maintenance management systems",),
    "File versioning software": ("tools for software configuration management",),
    "Financial analysis software": ("financial analysis",),
    "Geographic information system": ("use geographic information systems",),
    "Graphical user interface development software": ("design user interface",),
    "Graphics or photo imaging software": ("perform image editing",),
    "Human resources software": ("human resource management",),
    "Industrial control software": ("automation technology",),
    "Information retrieval or search software": ("search engines",),
    "Instant messaging software": ("use internet chat",),
    "Internet browser software": (
        "browse, search and filter data, information and digital content",
    ),
    "Internet directory services software": ("distributed directory information services",),
    "Inventory management software": ("manage inventory",),
    "Map creation software": ("use geographic information systems",),
    "Materials requirements planning logistics and supply chain software": (
        "supply chain management",
    ),
    "Medical software": ("use electronic health records management system",),
    "Metadata management software": ("manage content metadata",),
    "Multi-media educational software": ("develop digital educational materials",),
    "Music or sound editing software": ("audio editing software",),
    "Network conferencing software": ("collaborate through digital technologies",),
    "Network monitoring software": ("network management system tools",),
    "Network security and virtual private network VPN equipment software": (
        "implement a firewall",
    ),
    "Network security or virtual private network VPN management software": (
        "implement a virtual private network",
    ),
    "Object oriented data base management software": ("database management systems",),
    "Object or component oriented development software": (
        "computer programming",
        "use object-oriented programming",
    ),
    "Office suite software": ("office software",),
    "Operating system software": ("operating systems",),
    "Optical character reader OCR or scanning software": (
        "optical character recognition software",
    ),
    "Point of sale POS software": ("operate cash register",),
    "Presentation software": ("use presentation software",),
    "Process mapping and design software": (
        "business process modelling",
        "create flowchart diagram",
    ),
    "Procurement software": ("use e-procurement",),
    "Program testing software": ("execute software tests",),
    "Project management software": ("perform project management",),
    "Requirements analysis and system architecture software": ("define software architecture",),
    "Sales and marketing software": ("digital marketing techniques",),
    "Spreadsheet software": ("use spreadsheets software",),
    "Storage networking software": ("data storage",),
    "Tax preparation software": ("prepare tax returns forms",),
    "Time accounting software": ("manage payroll",),
    "Transaction security and virus protection software": ("implement anti-virus software",),
    "Video conferencing software": ("collaborate through digital technologies",),
    "Video creation and editing software": ("perform video editing",),
    "Web page creation and editing software": ("use content management system software",),
    "Web platform development software": ("web programming",),
    "Word processing software": ("use word processing software",),
    "Helpdesk or call center software": ("handle helpdesk problems",),
    "Contact center software": ("call-centre technologies",),
    "Voice recognition software": ("speech recognition",),
    "Software defined networking/ virtualization software": (
        "manage ICT virtualisation environments",
    ),
}

_GENERIC_TAILS = ("software", "systems", "system", "suite", "applications", "application")
_NON_ALNUM = re.compile(r"[^0-9a-z+#]+")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9+#/.-]{1,9}$")


@dataclass(frozen=True)
class Tool:
    name: str
    commodities: tuple[str, ...]
    hot: bool
    occupations: int


def name_key(name: str) -> str:
    """What two names are compared by: lower case, punctuation and spaces folded (C++ and C#
    keep their symbols)."""
    return _NON_ALNUM.sub(" ", name.lower()).strip()


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def read_tools(source: Path) -> list[Tool]:
    """The O*NET technology examples worth a skill: used in `MIN_OCCUPATIONS` occupations or hot."""
    occupations: dict[str, set[str]] = defaultdict(set)
    commodities: dict[str, set[str]] = defaultdict(set)
    hot: set[str] = set()
    for row in _rows(source / "technology_skills.csv"):
        name = row["example"].strip()
        occupations[name].add(row["onetsoc_code"])
        commodities[name].add(row["commodity_title"])
        if row["hot_technology"] == "Y":
            hot.add(name)
    return [
        Tool(name, tuple(sorted(commodities[name])), name in hot, len(occupations[name]))
        for name in sorted(occupations)
        if len(occupations[name]) >= MIN_OCCUPATIONS or name in hot
    ]


def common_words(names: Sequence[str]) -> set[str]:
    """Words the tool names also use in lower case ('analytics', 'computer'): never a name of
    their own."""
    return {
        word for name in names for word in name.split()[1:] if word.islower() and word.isalpha()
    }


def vendors(names: Sequence[str], lower_words: set[str]) -> set[str]:
    """Leading words that name a vendor: capitalised, starting at least three tool names, and
    never written in lower case inside a name (so 'Microsoft' is one, 'Computer' is not)."""
    firsts = Counter(name.split()[0] for name in names if len(name.split()) > 1)
    named = Counter(
        name.split()[0] for name in names if len(name.split()) > 1 and name.split()[1][:1].isupper()
    )
    return {
        word
        for word, count in firsts.items()
        if count >= 3
        and word[:1].isupper()
        and word.lower() not in lower_words
        and named[word] * 3 >= count * 2
    }


def _initials_match(acronym: str, words: Sequence[str]) -> bool:
    letters = [c for c in acronym.lower() if c.isalpha()]
    initials = [w[0].lower() for w in words[-len(letters) :]] if len(words) >= len(letters) else []
    return bool(letters) and initials == letters


def everyday_names(name: str, vendor_words: set[str]) -> list[str]:
    """The shorter names people write for a tool: without its vendor ('Microsoft Excel' →
    'Excel', 'The MathWorks MATLAB' → 'MATLAB' via 'MathWorks MATLAB'), without a trailing
    generic word ('Salesforce software' → 'Salesforce'), and its trailing acronym
    ('Structured query language SQL' → 'SQL')."""
    names: list[str] = []
    words = name.split()
    if words and words[0] == "The":
        words = words[1:]
    while len(words) > 1 and words[0] in vendor_words:
        words = words[1:]
        names.append(" ".join(words))
    for candidate in [name, *names]:
        parts = candidate.split()
        if len(parts) > 1 and parts[-1].lower() in _GENERIC_TAILS:
            names.append(" ".join(parts[:-1]))
    parts = name.split()
    if len(parts) > 2 and _ACRONYM.match(parts[-1]) and _initials_match(parts[-1], parts[:-1]):
        names.append(parts[-1])
    kept: list[str] = []
    seen = {name_key(name)}
    for candidate in names:
        key = name_key(candidate)
        if key and key not in seen and key not in _GENERIC_TAILS and len(key) > 1:
            seen.add(key)
            kept.append(candidate)
    return kept


def tool_id(name: str) -> str:
    return TOOL_ID_PREFIX + name_key(name).replace(" ", "-").replace("+", "plus").replace(
        "#", "sharp"
    )


@dataclass
class ToolPlacement:
    """What the O*NET tools add to the ESCO taxonomy."""

    skills: list[SkillRow]
    broader: list[BroaderRow]
    aliases: dict[str, tuple[str, ...]]
    """ESCO skill id -> O*NET names that turned out to be that skill (added as aliases)."""


def place_tools(
    tools: Sequence[Tool],
    esco: Sequence[SkillRow],
    commodity_fallback: Mapping[str, str],
) -> ToolPlacement:
    """Dedup the tools against ESCO names and place the rest under the ESCO skills of their
    commodity. `commodity_fallback` gives, for commodities `COMMODITY_SKILLS` does not name, the
    ESCO skill or group id chosen by text similarity."""
    by_name: dict[str, list[str]] = defaultdict(list)
    by_label = {skill.label: skill.id for skill in esco if skill.is_group}
    for skill in esco:
        if skill.is_group:
            continue
        by_label[skill.label] = skill.id
        for name in (skill.label, *skill.aliases):
            if skill.id not in by_name[name_key(name)]:
                by_name[name_key(name)].append(skill.id)
    tools_per_commodity = Counter(c for tool in tools for c in tool.commodities)
    lower_words = common_words([tool.name for tool in tools])
    # a one-word name that is also an everyday word ('Analytics', 'Word') is no alias of its own
    vocabulary = lower_words | {w for s in esco for w in name_key(s.label).split()}
    vendor_words = vendors([tool.name for tool in tools], lower_words)
    new_skills: list[SkillRow] = []
    broader: list[BroaderRow] = []
    aliases: dict[str, list[str]] = defaultdict(list)
    taken: dict[str, str] = {}
    for tool in tools:
        extra = everyday_names(tool.name, vendor_words)
        same = next(
            (
                by_name[name_key(n)][0]
                for n in (tool.name, *extra)
                if len(by_name.get(name_key(n), [])) == 1
            ),
            None,
        )
        if same is not None:
            aliases[same].extend(n for n in (tool.name, *extra) if n not in aliases[same])
            continue
        skill_id = tool_id(tool.name)
        if skill_id in taken:  # two O*NET spellings of one name: the first keeps it
            continue
        taken[skill_id] = tool.name
        fewest = min(tools_per_commodity[c] for c in tool.commodities)
        commodities = [c for c in tool.commodities if tools_per_commodity[c] == fewest]
        parents: list[str] = []
        for commodity in commodities:
            labels = COMMODITY_SKILLS.get(commodity, ())
            ids = (
                [commodity_fallback[commodity]]
                if commodity in commodity_fallback
                else [by_label[label] for label in labels]
            )
            parents.extend(i for i in ids if i not in parents)
        flag = "hot technology; " if tool.hot else ""
        new_skills.append(
            SkillRow(
                id=skill_id,
                label=tool.name,
                aliases=tuple(n for n in extra if name_key(n) not in vocabulary)[:MAX_TOOL_ALIASES],
                type="technology",
                group=commodities[0],
                description=(
                    f"{', '.join(tool.commodities)}: a tool or software ({flag}listed for "
                    f"{tool.occupations} O*NET occupations)."
                ),
                commodity=commodities[0],
                hot_technology=tool.hot,
            )
        )
        broader.extend(BroaderRow(skill_id, parent) for parent in parents)
    return ToolPlacement(new_skills, broader, {k: tuple(v) for k, v in aliases.items()})
