"""The shape of the demo organisation: departments, their share of headcount, and the ESCO
occupations whose skill profiles their people have.

`seed.derive_taxonomy` ships the skill profiles of exactly these occupations, so the generator
works from a clone without the source data.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DepartmentProfile:
    id: str
    name: str
    share: float
    """Share of the headcount below the executive office."""
    units: tuple[str, ...]
    """Sub-departments, used in order as the department grows (one per ~60 people)."""
    occupations: tuple[tuple[str, float], ...]
    """ESCO occupation labels with their weight inside the department; the first one leads."""


EXECUTIVE = DepartmentProfile(
    "EXEC",
    "Executive Office",
    0.0,
    (),
    (
        ("chief executive officer", 1.0),
        ("chief operating officer", 1.0),
        ("executive assistant", 2.0),
    ),
)

DEPARTMENTS: tuple[DepartmentProfile, ...] = (
    DepartmentProfile(
        "FIN",
        "Finance",
        0.08,
        ("Financial Planning & Analysis", "Accounting", "Treasury", "Tax", "Payroll", "Credit"),
        (
            ("financial controller", 1.0),
            ("accountant", 4.0),
            ("financial analyst", 3.0),
            ("budget manager", 1.0),
            ("payroll clerk", 1.5),
            ("credit analyst", 1.0),
            ("tax advisor", 1.0),
            ("corporate treasurer", 0.5),
        ),
    ),
    DepartmentProfile(
        "HR",
        "People & Culture",
        0.05,
        ("Talent Acquisition", "People Partners", "Learning & Development", "HR Operations"),
        (
            ("human resources manager", 1.0),
            ("human resources officer", 3.0),
            ("recruitment consultant", 2.0),
            ("human resources assistant", 1.5),
            ("corporate training manager", 1.0),
        ),
    ),
    DepartmentProfile(
        "MKT",
        "Marketing",
        0.09,
        ("Brand", "Digital Marketing", "Content", "Market Insights", "Communications"),
        (
            ("marketing manager", 1.0),
            ("digital marketing manager", 1.5),
            ("marketing assistant", 2.0),
            ("brand manager", 1.0),
            ("market research analyst", 1.5),
            ("web content manager", 1.0),
            ("advertising copywriter", 1.0),
            ("graphic designer", 1.0),
            ("public relations manager", 0.5),
            ("communication manager", 0.5),
        ),
    ),
    DepartmentProfile(
        "SAL",
        "Sales",
        0.16,
        ("Enterprise Sales", "Mid-Market Sales", "Partnerships", "Sales Operations", "Pricing"),
        (
            ("sales manager", 1.0),
            ("sales account manager", 4.0),
            ("commercial sales representative", 4.0),
            ("technical sales representative", 1.5),
            ("ICT business development manager", 1.0),
            ("pricing specialist", 0.5),
        ),
    ),
    DepartmentProfile(
        "CS",
        "Customer Service",
        0.12,
        ("Contact Centre", "Customer Success", "Service Quality", "Support Operations"),
        (
            ("contact centre manager", 0.5),
            ("customer experience manager", 1.0),
            ("contact centre supervisor", 1.0),
            ("call centre agent", 5.0),
            ("customer service representative", 4.0),
        ),
    ),
    DepartmentProfile(
        "ENG",
        "Engineering",
        0.18,
        ("Platform", "Payments", "Mobile", "Web", "Integrations", "Quality Engineering", "Cloud"),
        (
            ("software architect", 1.0),
            ("software developer", 6.0),
            ("web developer", 3.0),
            ("mobile application developer", 1.5),
            ("ICT application developer", 1.5),
            ("software tester", 1.5),
            ("ICT test analyst", 1.0),
            ("cloud engineer", 1.5),
            ("integration engineer", 1.0),
        ),
    ),
    DepartmentProfile(
        "DATA",
        "Data & Analytics",
        0.07,
        ("Business Intelligence", "Data Science", "Data Platform", "Data Governance"),
        (
            ("business intelligence manager", 1.0),
            ("data analyst", 4.0),
            ("data scientist", 2.0),
            ("data warehouse designer", 1.0),
            ("database administrator", 1.0),
            ("data quality specialist", 1.0),
        ),
    ),
    DepartmentProfile(
        "PROD",
        "Product & Design",
        0.05,
        ("Product Management", "User Experience", "Business Analysis"),
        (
            ("product manager", 1.0),
            ("ICT product manager", 1.5),
            ("user interface designer", 1.5),
            ("user experience analyst", 1.5),
            ("business analyst", 2.0),
        ),
    ),
    DepartmentProfile(
        "IT",
        "IT & Security",
        0.06,
        ("Infrastructure", "Service Desk", "Information Security", "IT Projects"),
        (
            ("ICT operations manager", 1.0),
            ("ICT system administrator", 2.0),
            ("ICT network administrator", 1.5),
            ("ICT security administrator", 1.5),
            ("ICT help desk agent", 3.0),
            ("ICT project manager", 1.0),
        ),
    ),
    DepartmentProfile(
        "OPS",
        "Operations",
        0.11,
        ("Supply Chain", "Logistics", "Procurement", "Facilities", "PMO"),
        (
            ("operations manager", 1.0),
            ("supply chain manager", 1.5),
            ("logistics analyst", 2.0),
            ("purchasing manager", 1.0),
            ("procurement category specialist", 1.5),
            ("facilities manager", 1.0),
            ("office manager", 1.0),
            ("project manager", 2.0),
        ),
    ),
    DepartmentProfile(
        "LEG",
        "Legal, Risk & Compliance",
        0.03,
        ("Legal", "Risk", "Compliance", "Internal Audit"),
        (
            ("corporate lawyer", 1.0),
            ("legal consultant", 1.5),
            ("corporate risk manager", 1.0),
            ("tax compliance officer", 1.0),
            ("policy officer", 1.0),
            ("IT auditor", 1.0),
        ),
    ),
)


def occupation_labels() -> list[str]:
    """Every occupation the demo organisation uses, in a stable order."""
    labels = [label for label, _ in EXECUTIVE.occupations]
    for department in DEPARTMENTS:
        labels.extend(label for label, _ in department.occupations)
    return list(dict.fromkeys(labels))
