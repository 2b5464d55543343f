"""GraphQL of the cultural metrics: pulse surveys, stories told with consent, the catalyst report
(engagement, sentiment and champions are fields of `analytics`, in `schema.analytics`)."""

from __future__ import annotations

from strawberry.tools import merge_types

from schema.surveys.pulses import PulsesMutation, PulsesQuery
from schema.surveys.results import CatalystQuery
from schema.surveys.stories import StoriesMutation, StoriesQuery

SurveysQuery = merge_types("SurveysQuery", (PulsesQuery, StoriesQuery, CatalystQuery))
SurveysMutation = merge_types("SurveysMutation", (PulsesMutation, StoriesMutation))
