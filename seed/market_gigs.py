"""The 25 gigs a launch opens with: real, stuck business needs, each well scoped, each asking for
skills of the ESCO taxonomy (named by their ESCO label; the generator resolves them to ids)."""

from __future__ import annotations

from dataclasses import dataclass

from seed.org import GigType, Importance


@dataclass(frozen=True)
class MarketGig:
    title: str
    department_id: str
    """A department of `seed.profiles`; its head owns the gig."""
    type: GigType
    hours_per_week: float
    duration_weeks: int
    external_hourly_rate: float
    description: str
    skills: tuple[tuple[str, int, Importance], ...]
    """(ESCO label, min proficiency, importance)."""
    seats: int = 1


MARKET_GIGS: tuple[MarketGig, ...] = (
    MarketGig(
        "Map the customer journey from sign-up to first invoice",
        "CS",
        "project",
        6,
        6,
        95,
        "Onboarding complaints doubled this year and nobody owns the end-to-end picture. Interview "
        "ten new customers, shadow the support queue for a week and produce a journey map with the "
        "five moments that lose us the most customers, agreed with Sales and Product.",
        (
            ("customer insight", 3, "required"),
            ("execute ICT user research activities", 3, "required"),
            ("analyse business processes", 3, "nice_to_have"),
            ("deliver visual presentation of data", 2, "learnable"),
        ),
    ),
    MarketGig(
        "Build a churn dashboard for the customer success team",
        "DATA",
        "project",
        8,
        6,
        110,
        "Customer Success learns about churn from the finance close, a month late. Join CRM, "
        "billing and support data into one model and publish a weekly dashboard of accounts at "
        "risk, with the three signals that predict churn best.",
        (
            ("data analytics", 3, "required"),
            ("SQL", 3, "required"),
            ("business intelligence", 3, "required"),
            ("deliver visual presentation of data", 3, "nice_to_have"),
            ("customer relationship management", 2, "learnable"),
        ),
    ),
    MarketGig(
        "Turn 200 usability findings into a prioritised UX backlog",
        "PROD",
        "micro_task",
        4,
        3,
        90,
        "Two years of usability tests sit in slide decks. Cluster the findings, size them with "
        "the squads and hand Product a ranked backlog with clear acceptance criteria.",
        (
            ("measure software usability", 3, "required"),
            ("create prototype of user experience solutions", 2, "nice_to_have"),
            ("Agile project management", 2, "learnable"),
        ),
    ),
    MarketGig(
        "Data-migration secondment: retire the legacy CRM",
        "IT",
        "secondment",
        20,
        12,
        120,
        "The old CRM goes out of support in spring. Half-time for three months with the IT "
        "project team: map fields, clean duplicates, script the migration and run the cut-over "
        "rehearsals.",
        (
            ("migrate existing data", 3, "required"),
            ("SQL", 3, "required"),
            ("data quality assessment", 3, "required"),
            ("ICT project management", 2, "nice_to_have"),
        ),
    ),
    MarketGig(
        "Rolling 13-week cash-flow forecast",
        "FIN",
        "project",
        6,
        8,
        105,
        "Treasury still forecasts cash in a spreadsheet nobody trusts. Build a driver-based "
        "13-week forecast fed from the ledger and the sales pipeline, and hand it over with a "
        "one-page method note.",
        (
            ("financial forecasting", 3, "required"),
            ("manage cash flow", 3, "required"),
            ("use spreadsheets software", 4, "required"),
        ),
    ),
    MarketGig(
        "Accessibility audit of the customer portal",
        "ENG",
        "micro_task",
        5,
        3,
        100,
        "A large public-sector customer asked for our accessibility conformance report. Test the "
        "portal's main journeys against WCAG and list the fixes, by effort.",
        (
            ("ICT accessibility standards", 3, "required"),
            ("test system accessibility for users with special needs", 3, "required"),
            ("web programming", 2, "nice_to_have"),
        ),
    ),
    MarketGig(
        "Mentor two new data analysts through their first quarter",
        "DATA",
        "mentorship",
        2,
        12,
        0,
        "Two graduates join Data & Analytics in January. An hour a week each: code review, "
        "how we model data, and how to say no to a stakeholder.",
        (
            ("provide mentorship", 3, "required"),
            ("data analytics", 4, "required"),
            ("create data models", 3, "nice_to_have"),
        ),
        seats=2,
    ),
    MarketGig(
        "Refresh the employee onboarding programme",
        "HR",
        "project",
        5,
        8,
        85,
        "New joiners rate their first month 3.1 out of 5. Redesign the first 30 days: checklist, "
        "buddy scheme, e-learning modules, and a survey to measure the change.",
        (
            ("create training materials", 3, "required"),
            ("human resource management", 3, "required"),
            ("develop training programmes", 2, "nice_to_have"),
        ),
    ),
    MarketGig(
        "Competitive pricing analysis for the mid-market offer",
        "SAL",
        "project",
        6,
        5,
        110,
        "Win rates in mid-market fell from 31% to 22%. Collect competitor price points, compare "
        "them with our discounts and propose a price book for the next financial year.",
        (
            ("pricing strategies", 3, "required"),
            ("perform market research", 3, "required"),
            ("market pricing", 3, "nice_to_have"),
        ),
    ),
    MarketGig(
        "GDPR record of processing: close the gaps",
        "LEG",
        "micro_task",
        4,
        4,
        130,
        "The last audit found 14 processing activities missing from our record. Interview the "
        "owners, document each activity and its lawful basis, and update the register.",
        (
            ("GDPR", 3, "required"),
            ("data protection", 3, "required"),
            ("document interviews", 2, "nice_to_have"),
        ),
    ),
    MarketGig(
        "Supplier risk review of the top 40 vendors",
        "OPS",
        "project",
        5,
        6,
        95,
        "Two supplier failures hit deliveries last year. Score our top 40 suppliers on financial, "
        "delivery and concentration risk and propose a mitigation for the riskiest ten.",
        (
            ("assess supplier risks", 3, "required"),
            ("implement risk management in procurement", 3, "required"),
            ("maintain relationship with suppliers", 2, "nice_to_have"),
        ),
    ),
    MarketGig(
        "Automate the month-end intercompany reconciliation",
        "FIN",
        "project",
        6,
        6,
        115,
        "Four people spend three days a month matching intercompany entries by hand. Script the "
        "matching, report the exceptions, and document the controls for the auditors.",
        (
            ("accounting", 3, "required"),
            ("Python (computer programming)", 2, "nice_to_have"),
            ("use spreadsheets software", 3, "required"),
        ),
    ),
    MarketGig(
        "Search engine optimisation sprint for the help centre",
        "MKT",
        "micro_task",
        4,
        3,
        80,
        "Customers cannot find our help articles on search engines, so they call. Audit the top "
        "100 articles, fix titles and structure, and measure the change in organic visits.",
        (
            ("search engine optimisation", 3, "required"),
            ("perform copywriting", 2, "nice_to_have"),
            ("perform online data analysis", 2, "learnable"),
        ),
    ),
    MarketGig(
        "Secondment to the cloud cost programme",
        "ENG",
        "secondment",
        20,
        12,
        125,
        "Our cloud bill grew 40% while traffic grew 10%. Join the programme half-time: tag "
        "resources, find idle capacity, and set up budgets and alerts per team.",
        (
            ("cloud technologies", 3, "required"),
            ("cloud monitoring and reporting", 3, "required"),
            ("automate cloud tasks", 2, "nice_to_have"),
        ),
    ),
    MarketGig(
        "Sales forecast model for the quarterly business review",
        "SAL",
        "project",
        5,
        4,
        105,
        "Regional forecasts are rolled up by hand and miss by 15%. Build a pipeline-weighted "
        "forecast per region and product line, ready for the next quarterly review.",
        (
            ("forecast sales over periods of time", 3, "required"),
            ("perform data analysis", 3, "required"),
            ("use customer relationship management software", 2, "nice_to_have"),
        ),
    ),
    MarketGig(
        "Interview panel training for hiring managers",
        "HR",
        "micro_task",
        3,
        4,
        75,
        "Hiring managers interview without structure and candidates notice. Write a short "
        "structured-interview guide and run three practice sessions with panels.",
        (
            ("recruit employees", 3, "required"),
            ("create training materials", 2, "nice_to_have"),
            ("coaching techniques", 2, "learnable"),
        ),
    ),
    MarketGig(
        "Business process model of order-to-cash",
        "PROD",
        "project",
        6,
        6,
        100,
        "Nobody can draw how an order becomes cash, so every change breaks something. Model the "
        "current process end to end, mark the manual hand-offs, and propose the target process.",
        (
            ("business process modelling", 3, "required"),
            ("analyse business requirements", 3, "required"),
            ("improve business processes", 2, "nice_to_have"),
        ),
    ),
    MarketGig(
        "Social media campaign for the employer brand",
        "MKT",
        "project",
        4,
        6,
        85,
        "Applications for engineering roles are down a third. Plan and run a six-week campaign "
        "with stories from our own engineers, and report reach and applications.",
        (
            ("plan social media marketing campaigns", 3, "required"),
            ("social media management", 3, "required"),
            ("perform copywriting", 2, "nice_to_have"),
        ),
    ),
    MarketGig(
        "Network segmentation plan for the head office",
        "IT",
        "project",
        6,
        6,
        120,
        "The penetration test flagged a flat office network. Design VLAN segmentation, a change "
        "plan with rollback, and the firewall rules to go with it.",
        (
            ("ICT network security risks", 3, "required"),
            ("design computer network", 3, "required"),
            ("implement a firewall", 2, "nice_to_have"),
        ),
    ),
    MarketGig(
        "Clean up the product data in the web shop",
        "DATA",
        "micro_task",
        4,
        4,
        80,
        "One product in five in the web shop has a wrong category or missing attributes. Define "
        "the quality rules, fix the worst offenders and set up a weekly check.",
        (
            ("define data quality criteria", 3, "required"),
            ("implement data quality processes", 3, "required"),
            ("data quality assessment", 2, "nice_to_have"),
        ),
    ),
    MarketGig(
        "Automated regression tests for the billing API",
        "ENG",
        "project",
        8,
        6,
        115,
        "Every billing release needs two days of manual testing. Write automated regression tests "
        "for the 30 most used calls and run them in the pipeline.",
        (
            ("develop automated software tests", 3, "required"),
            ("levels of software testing", 3, "required"),
            ("DevOps", 2, "learnable"),
        ),
    ),
    MarketGig(
        "Sustainability reporting: first scope 1 and 2 inventory",
        "OPS",
        "project",
        5,
        8,
        110,
        "Our largest customers now ask for our emissions. Gather energy and travel data from the "
        "sites, compute scope 1 and 2 and draft the disclosure with Finance.",
        (
            ("global standards for sustainability reporting", 3, "required"),
            ("perform data analysis", 2, "required"),
            ("promote sustainability", 2, "nice_to_have"),
        ),
    ),
    MarketGig(
        "Customer service survey analysis and quick wins",
        "CS",
        "micro_task",
        3,
        3,
        70,
        "We collect 5,000 survey answers a quarter and read none. Code the free-text answers, "
        "find the top complaints, and propose five fixes the contact centre can make this month.",
        (
            ("analyse customer service surveys", 3, "required"),
            ("customer insight", 2, "nice_to_have"),
            ("perform data analysis", 2, "learnable"),
        ),
    ),
    MarketGig(
        "Contract renewal negotiation playbook for account managers",
        "SAL",
        "micro_task",
        3,
        4,
        95,
        "Renewals are negotiated differently by every account manager. Write a playbook with "
        "walk-away points, concession rules and templates, tested on five live renewals.",
        (
            ("negotiate sales contracts", 3, "required"),
            ("manage contracts", 3, "nice_to_have"),
            ("customer relationship management", 2, "learnable"),
        ),
    ),
    MarketGig(
        "Executive presentation coaching for the team leads",
        "EXEC",
        "mentorship",
        2,
        8,
        0,
        "Team leads present to the board for the first time next quarter. Coach four of them: "
        "storyline, slides and delivery, with two rehearsals each.",
        (
            ("prepare presentation material", 3, "required"),
            ("give live presentation", 4, "required"),
            ("coaching techniques", 3, "nice_to_have"),
        ),
        seats=2,
    ),
)
