"""The tab pages: each builds when first shown (lazy), on RecordTab (base)."""
