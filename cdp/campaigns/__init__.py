"""Campaigns: what marketing and trade promotions spent, whom they reached and what it earned."""
