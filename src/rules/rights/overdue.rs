//! `request-overdue`: a request received on or before as-of, not answered at as-of, whose
//! deadline has passed.

use crate::check::CheckKind;
use crate::rules::{Planner, Rule, RuleId};

pub struct RequestOverdue;

impl Rule for RequestOverdue {
    fn id(&self) -> RuleId {
        RuleId::RequestOverdue
    }

    fn plan(&self, p: &mut Planner<'_>) {
        let id = self.id();
        let kind = match super::register(p) {
            None => return,
            Some(Err(why)) => CheckKind::Broken(why),
            Some(Ok(reg)) => {
                let d = p.dialect;
                let name = reg.table.display_name();
                CheckKind::Count(super::count(
                    p,
                    &reg,
                    id,
                    format!(
                        "{{count}} request{{s}} in {name} unanswered past the deadline (1 month, 3 if extended)"
                    ),
                    |as_of| {
                        let now = d.instant(as_of);
                        format!(
                            "{} <= {now} AND ({} OR {} > {now}) AND {} < {now}",
                            reg.received, reg.unanswered, reg.answered, reg.deadline
                        )
                    },
                ))
            }
        };
        p.push(id.to_string(), &[id], kind);
    }
}
