//! `request-overdue`: a request received on or before as-of, not answered at as-of, whose
//! deadline has passed.

use crate::rules::{Planner, Rule, RuleId};

pub struct RequestOverdue;

impl Rule for RequestOverdue {
    fn id(&self) -> RuleId {
        RuleId::RequestOverdue
    }

    fn plan(&self, p: &mut Planner<'_>) {
        super::plan_count(p, self.id(), "request-overdue", |reg, now| {
            format!(
                "{} <= {now} AND ({} OR {} > {now}) AND {} < {now}",
                reg.received, reg.unanswered, reg.answered, reg.deadline
            )
        });
    }
}
