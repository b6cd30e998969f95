"""Tasks (督办): a warning, a plan indicator or a person gives a responsible body a task with a deadline in
working days; progress reports, escalation to the superior when overdue, closure with evidence."""
