"""The 25 gigs a launch opens with: real, stuck business needs, each well scoped, each asking for
skills of the ESCO taxonomy (named by their ESCO label; the generator resolves them to ids)."""

from __future__ import annotations

from dataclasses import dataclass

from graph.vocabulary import GigType, Importance


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
        GigType.PROJECT,
        6,
        6,
        95,
        "Onboarding complaints doubled this year and nobody owns the end-to-end picture. Interview "
        "ten new customers, shadow the support queue for a week and produce a journey map with the "
        "five moments that lose us the most customers, agreed with Sales and Product.",
        (
            ("customer insight", 3, Importance.REQUIRED),
            ("execute ICT user research activities", 3, Importance.REQUIRED),
            ("analyse business processes", 3, Importance.NICE_TO_HAVE),
            ("deliver visual presentation of data", 2, Importance.LEARNABLE),
        ),
    ),
    MarketGig(
        "Build a churn dashboard for the customer success team",
        "DATA",
        GigType.PROJECT,
        8,
        6,
        110,
        "Customer Success learns about churn from the finance close, a month late. Join CRM, "
        "billing and support data into one model and publish a weekly dashboard of accounts at "
        "risk, with the three signals that predict churn best.",
        (
            ("data analytics", 3, Importance.REQUIRED),
            ("SQL", 3, Importance.REQUIRED),
            ("business intelligence", 3, Importance.REQUIRED),
            ("deliver visual presentation of data", 3, Importance.NICE_TO_HAVE),
            ("customer relationship management", 2, Importance.LEARNABLE),
        ),
    ),
    MarketGig(
        "Turn 200 usability findings into a prioritised UX backlog",
        "PROD",
        GigType.MICRO_TASK,
        4,
        3,
        90,
        "Two years of usability tests sit in slide decks. Cluster the findings, size them with "
        "the squads and hand Product a ranked backlog with clear acceptance criteria.",
        (
            ("measure software usability", 3, Importance.REQUIRED),
            ("create prototype of user experience solutions", 2, Importance.NICE_TO_HAVE),
            ("Agile project management", 2, Importance.LEARNABLE),
        ),
    ),
    MarketGig(
        "Data-migration secondment: retire the legacy CRM",
        "IT",
        GigType.SECONDMENT,
        20,
        12,
        120,
        "The old CRM goes out of support in spring. Half-time for three months with the IT "
        "project team: map fields, clean duplicates, script the migration and run the cut-over "
        "rehearsals.",
        (
            ("migrate existing data", 3, Importance.REQUIRED),
            ("SQL", 3, Importance.REQUIRED),
            ("data quality assessment", 3, Importance.REQUIRED),
            ("ICT project management", 2, Importance.NICE_TO_HAVE),
        ),
    ),
    MarketGig(
        "Rolling 13-week cash-flow forecast",
        "FIN",
        GigType.PROJECT,
        6,
        8,
        105,
        "Treasury still forecasts cash in a spreadsheet nobody trusts. Build a driver-based "
        "13-week forecast fed from the ledger and the sales pipeline, and hand it over with a "
        "one-page method note.",
        (
            ("financial forecasting", 3, Importance.REQUIRED),
            ("manage cash flow", 3, Importance.REQUIRED),
            ("use spreadsheets software", 4, Importance.REQUIRED),
        ),
    ),
    MarketGig(
        "Accessibility audit of the customer portal",
        "ENG",
        GigType.MICRO_TASK,
        5,
        3,
        100,
        "A large public-sector customer asked for our accessibility conformance report. Test the "
        "portal's main journeys against WCAG and list the fixes, by effort.",
        (
            ("ICT accessibility standards", 3, Importance.REQUIRED),
            ("test system accessibility for users with special needs", 3, Importance.REQUIRED),
            ("web programming", 2, Importance.NICE_TO_HAVE),
        ),
    ),
    MarketGig(
        "Mentor two new data analysts through their first quarter",
        "DATA",
        GigType.MENTORSHIP,
        2,
        12,
        0,
        "Two graduates join Data & Analytics in January. An hour a week each: code review, "
        "how we model data, and how to say no to a stakeholder.",
        (
            ("provide mentorship", 3, Importance.REQUIRED),
            ("data analytics", 4, Importance.REQUIRED),
            ("create data models", 3, Importance.NICE_TO_HAVE),
        ),
        seats=2,
    ),
    MarketGig(
        "Refresh the employee onboarding programme",
        "HR",
        GigType.PROJECT,
        5,
        8,
        85,
        "New joiners rate their first month 3.1 out of 5. Redesign the first 30 days: checklist, "
        "buddy scheme, e-learning modules, and a survey to measure the change.",
        (
            ("create training materials", 3, Importance.REQUIRED),
            ("human resource management", 3, Importance.REQUIRED),
            ("develop training programmes", 2, Importance.NICE_TO_HAVE),
        ),
    ),
    MarketGig(
        "Competitive pricing analysis for the mid-market offer",
        "SAL",
        GigType.PROJECT,
        6,
        5,
        110,
        "Win rates in mid-market fell from 31% to 22%. Collect competitor price points, compare "
        "them with our discounts and propose a price book for the next financial year.",
        (
            ("pricing strategies", 3, Importance.REQUIRED),
            ("perform market research", 3, Importance.REQUIRED),
            ("market pricing", 3, Importance.NICE_TO_HAVE),
        ),
    ),
    MarketGig(
        "GDPR record of processing: close the gaps",
        "LEG",
        GigType.MICRO_TASK,
        4,
        4,
        130,
        "The last audit found 14 processing activities missing from our record. Interview the "
        "owners, document each activity and its lawful basis, and update the register.",
        (
            ("GDPR", 3, Importance.REQUIRED),
            ("data protection", 3, Importance.REQUIRED),
            ("document interviews", 2, Importance.NICE_TO_HAVE),
        ),
    ),
    MarketGig(
        "Supplier risk review of the top 40 vendors",
        "OPS",
        GigType.PROJECT,
        5,
        6,
        95,
        "Two supplier failures hit deliveries last year. Score our top 40 suppliers on financial, "
        "delivery and concentration risk and propose a mitigation for the riskiest ten.",
        (
            ("assess supplier risks", 3, Importance.REQUIRED),
            ("implement risk management in procurement", 3, Importance.REQUIRED),
            ("maintain relationship with suppliers", 2, Importance.NICE_TO_HAVE),
        ),
    ),
    MarketGig(
        "Automate the month-end intercompany reconciliation",
        "FIN",
        GigType.PROJECT,
        6,
        6,
        115,
        "Four people spend three days a month matching intercompany entries by hand. Script the "
        "matching, report the exceptions, and document the controls for the auditors.",
        (
            ("accounting", 3, Importance.REQUIRED),
            ("Python (computer programming)", 2, Importance.NICE_TO_HAVE),
            ("use spreadsheets software", 3, Importance.REQUIRED),
        ),
    ),
    MarketGig(
        "Search engine optimisation sprint for the help centre",
        "MKT",
        GigType.MICRO_TASK,
        4,
        3,
        80,
        "Customers cannot find our help articles on search engines, so they call. Audit the top "
        "100 articles, fix titles and structure, and measure the change in organic visits.",
        (
            ("search engine optimisation", 3, Importance.REQUIRED),
            ("perform copywriting", 2, Importance.NICE_TO_HAVE),
            ("perform online data analysis", 2, Importance.LEARNABLE),
        ),
    ),
    MarketGig(
        "Secondment to the cloud cost programme",
        "ENG",
        GigType.SECONDMENT,
        20,
        12,
        125,
        "Our cloud bill grew 40% while traffic grew 10%. Join the programme half-time: tag "
        "resources, find idle capacity, and set up budgets and alerts per team.",
        (
            ("cloud technologies", 3, Importance.REQUIRED),
            ("cloud monitoring and reporting", 3, Importance.REQUIRED),
            ("automate cloud tasks", 2, Importance.NICE_TO_HAVE),
        ),
    ),
    MarketGig(
        "Sales forecast model for the quarterly business review",
        "SAL",
        GigType.PROJECT,
        5,
        4,
        105,
        "Regional forecasts are rolled up by hand and miss by 15%. Build a pipeline-weighted "
        "forecast per region and product line, ready for the next quarterly review.",
        (
            ("forecast sales over periods of time", 3, Importance.REQUIRED),
            ("perform data analysis", 3, Importance.REQUIRED),
            ("use customer relationship management software", 2, Importance.NICE_TO_HAVE),
        ),
    ),
    MarketGig(
        "Interview panel training for hiring managers",
        "HR",
        GigType.MICRO_TASK,
        3,
        4,
        75,
        "Hiring managers interview without structure and candidates notice. Write a short "
        "structured-interview guide and run three practice sessions with panels.",
        (
            ("recruit employees", 3, Importance.REQUIRED),
            ("create training materials", 2, Importance.NICE_TO_HAVE),
            ("coaching techniques", 2, Importance.LEARNABLE),
        ),
    ),
    MarketGig(
        "Business process model of order-to-cash",
        "PROD",
        GigType.PROJECT,
        6,
        6,
        100,
        "Nobody can draw how an order becomes cash, so every change breaks something. Model the "
        "current process end to end, mark the manual hand-offs, and propose the target process.",
        (
            ("business process modelling", 3, Importance.REQUIRED),
            ("analyse business requirements", 3, Importance.REQUIRED),
            ("improve business processes", 2, Importance.NICE_TO_HAVE),
        ),
    ),
    MarketGig(
        "Social media campaign for the employer brand",
        "MKT",
        GigType.PROJECT,
        4,
        6,
        85,
        "Applications for engineering roles are down a third. Plan and run a six-week campaign "
        "with stories from our own engineers, and report reach and applications.",
        (
            ("plan social media marketing campaigns", 3, Importance.REQUIRED),
            ("social media management", 3, Importance.REQUIRED),
            ("perform copywriting", 2, Importance.NICE_TO_HAVE),
        ),
    ),
    MarketGig(
        "Network segmentation plan for the head office",
        "IT",
        GigType.PROJECT,
        6,
        6,
        120,
        "The penetration test flagged a flat office network. Design VLAN segmentation, a change "
        "plan with rollback, and the firewall rules to go with it.",
        (
            ("ICT network security risks", 3, Importance.REQUIRED),
            ("design computer network", 3, Importance.REQUIRED),
            ("implement a firewall", 2, Importance.NICE_TO_HAVE),
        ),
    ),
    MarketGig(
        "Clean up the product data in the web shop",
        "DATA",
        GigType.MICRO_TASK,
        4,
        4,
        80,
        "One product in five in the web shop has a wrong category or missing attributes. Define "
        "the quality rules, fix the worst offenders and set up a weekly check.",
        (
            ("define data quality criteria", 3, Importance.REQUIRED),
            ("implement data quality processes", 3, Importance.REQUIRED),
            ("data quality assessment", 2, Importance.NICE_TO_HAVE),
        ),
    ),
    MarketGig(
        "Automated regression tests for the billing API",
        "ENG",
        GigType.PROJECT,
        8,
        6,
        115,
        "Every billing release needs two days of manual testing. Write automated regression tests "
        "for the 30 most used calls and run them in the pipeline.",
        (
            ("develop automated software tests", 3, Importance.REQUIRED),
            ("levels of software testing", 3, Importance.REQUIRED),
            ("DevOps", 2, Importance.LEARNABLE),
        ),
    ),
    MarketGig(
        "Sustainability reporting: first scope 1 and 2 inventory",
        "OPS",
        GigType.PROJECT,
        5,
        8,
        110,
        "Our largest customers now ask for our emissions. Gather energy and travel data from the "
        "sites, compute scope 1 and 2 and draft the disclosure with Finance.",
        (
            ("global standards for sustainability reporting", 3, Importance.REQUIRED),
            ("perform data analysis", 2, Importance.REQUIRED),
            ("promote sustainability", 2, Importance.NICE_TO_HAVE),
        ),
    ),
    MarketGig(
        "Customer service survey analysis and quick wins",
        "CS",
        GigType.MICRO_TASK,
        3,
        3,
        70,
        "We collect 5,000 survey answers a quarter and read none. Code the free-text answers, "
        "find the top complaints, and propose five fixes the contact centre can make this month.",
        (
            ("analyse customer service surveys", 3, Importance.REQUIRED),
            ("customer insight", 2, Importance.NICE_TO_HAVE),
            ("perform data analysis", 2, Importance.LEARNABLE),
        ),
    ),
    MarketGig(
        "Contract renewal negotiation playbook for account managers",
        "SAL",
        GigType.MICRO_TASK,
        3,
        4,
        95,
        "Renewals are negotiated differently by every account manager. Write a playbook with "
        "walk-away points, concession rules and templates, tested on five live renewals.",
        (
            ("negotiate sales contracts", 3, Importance.REQUIRED),
            ("manage contracts", 3, Importance.NICE_TO_HAVE),
            ("customer relationship management", 2, Importance.LEARNABLE),
        ),
    ),
    MarketGig(
        "Executive presentation coaching for the team leads",
        "EXEC",
        GigType.MENTORSHIP,
        2,
        8,
        0,
        "Team leads present to the board for the first time next quarter. Coach four of them: "
        "storyline, slides and delivery, with two rehearsals each.",
        (
            ("prepare presentation material", 3, Importance.REQUIRED),
            ("give live presentation", 4, Importance.REQUIRED),
            ("coaching techniques", 3, Importance.NICE_TO_HAVE),
        ),
        seats=2,
    ),
)
