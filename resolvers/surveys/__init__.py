"""The cultural metrics: pulse surveys (`pulses`), the anonymity floor their results pass
(`anonymity`), engagement and manager sentiment in the analytics (`results`), champions, stories
told with consent and the managers' catalyst report."""
