"""Meta-analysis: effect sizes, pooling, heterogeneity, bias and sensitivity (agrees with metafor)."""
