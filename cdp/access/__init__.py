"""Access control: who the viewer is, what their role may see and do, the masks of personal
data, the audit log, API keys."""
