//! `request-answered-late`: a request answered on or before as-of, after its deadline.

use crate::rules::{Planner, Rule, RuleId};

pub struct RequestAnsweredLate;

impl Rule for RequestAnsweredLate {
    fn id(&self) -> RuleId {
        RuleId::RequestAnsweredLate
    }

    fn plan(&self, p: &mut Planner<'_>) {
        super::plan_count(p, self.id(), "request-answered-late", |reg, now| {
            format!(
                "{} <= {now} AND {} > {}",
                reg.answered, reg.answered, reg.deadline
            )
        });
    }
}
