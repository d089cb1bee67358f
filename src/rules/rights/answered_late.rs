//! `request-answered-late`: a request answered on or before as-of, after its deadline.

use crate::check::CheckKind;
use crate::rules::{Planner, Rule, RuleId};

pub struct RequestAnsweredLate;

impl Rule for RequestAnsweredLate {
    fn id(&self) -> RuleId {
        RuleId::RequestAnsweredLate
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
                    format!("{{count}} request{{s}} in {name} answered after the deadline"),
                    |as_of| {
                        let now = d.instant(as_of);
                        format!(
                            "{} <= {now} AND {} > {}",
                            reg.answered, reg.answered, reg.deadline
                        )
                    },
                ))
            }
        };
        p.push(id.to_string(), &[id], kind);
    }
}
