"""GraphQL of the cultural metrics, one module per sub-domain (as in `resolvers/surveys/`): pulse
surveys, stories told with consent, the catalyst report (engagement, sentiment and champions are
fields of `analytics`, in `schema.analytics`, with their types in `results`)."""

from __future__ import annotations

from schema.surveys.pulses import PulsesMutation, PulsesQuery
from schema.surveys.results import CatalystQuery
from schema.surveys.stories import StoriesMutation, StoriesQuery

QUERIES = (PulsesQuery, StoriesQuery, CatalystQuery)
MUTATIONS = (PulsesMutation, StoriesMutation)
