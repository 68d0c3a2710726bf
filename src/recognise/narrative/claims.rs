//! From the quantities of a text to claims: amounts with subjects, 其中 breakdowns, numbered
//! lists, shares, year-on-year changes, budget execution, balances, listings, placeholders.

use std::sync::OnceLock;

use regex::Regex;

use crate::model::narrative::{
    Claim, Comparison, Concept, Direction, Item, Measure, Mention, Quantity, Scope, Sentence,
    ShareBase,
};
use crate::model::Narrative;
use crate::read::text::TextDoc;

use super::concepts::{clean, concept};
use super::lexicon::{FALL_WORDS, RISE_WORDS, SENTENCE_ENDS};
use super::quantities::{self, Found};
use super::rejoin::Joined;
use super::sentences::{is_heading, item_number};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// A figure stated for its subject.
    Plain,
    /// 预算数 in a budget-execution sentence.
    Budget,
    /// 决算数 in a budget-execution sentence.
    Final,
    /// The amount of a change (“增加476.68万元”).
    Delta(Direction),
    /// The rate of a change (“增长37%”).
    Rate(Direction),
    /// “占X%”: the text between 占 and the number names the base, if any.
    Share,
    /// “完成年初预算的98.2%”.
    Completion,
    /// Any other percentage.
    OtherPercent,
}

/// A quantity with everything the claims need: where it is and what it is said of.
#[derive(Clone, Debug)]
struct Q {
    found: Found,
    para: usize,
    /// Offsets within the paragraph.
    start: usize,
    end: usize,
    sentence: usize,
    subject: String,
    role: Role,
    concept: Option<Concept>,
    span: (usize, usize),
}

impl Q {
    fn is_money_or_count(&self) -> bool {
        !matches!(self.found.measure, Measure::Percent)
    }

    fn stated(&self) -> bool {
        matches!(self.role, Role::Plain | Role::Final) && self.is_money_or_count()
    }

    fn same_family(&self, other: &Q) -> bool {
        match (&self.found.measure, &other.found.measure) {
            (Measure::Money(_), Measure::Money(_)) => true,
            (a, b) => a == b,
        }
    }
}

struct Para {
    /// Offset of the paragraph's first character in the joined text.
    at: usize,
    chars: Vec<char>,
}

impl Para {
    fn text(&self) -> String {
        self.chars.iter().collect()
    }

    fn slice(&self, a: usize, b: usize) -> String {
        self.chars[a.min(self.chars.len())..b.min(self.chars.len())]
            .iter()
            .collect()
    }
}

pub struct Reader<'a> {
    doc: &'a TextDoc,
    joined: &'a Joined,
    paras: Vec<Para>,
    sentences: Vec<Sentence>,
    /// (paragraph, start, end) of each sentence, in paragraph offsets.
    sentence_at: Vec<(usize, usize, usize)>,
    qs: Vec<Q>,
    claims: Vec<Claim>,
    /// Breakdowns as indices into `qs`, for scope inheritance and implied share bases.
    breakdowns: Vec<(usize, Vec<usize>, bool)>,
}

impl<'a> Reader<'a> {
    pub fn new(doc: &'a TextDoc, joined: &'a Joined) -> Reader<'a> {
        let mut paras = Vec::new();
        let mut start = 0;
        for (i, c) in joined.text.iter().enumerate() {
            if *c == '\n' {
                paras.push(Para {
                    at: start,
                    chars: joined.text[start..i].to_vec(),
                });
                start = i + 1;
            }
        }
        paras.push(Para {
            at: start,
            chars: joined.text[start..].to_vec(),
        });
        Reader {
            doc,
            joined,
            paras,
            sentences: Vec::new(),
            sentence_at: Vec::new(),
            qs: Vec::new(),
            claims: Vec::new(),
            breakdowns: Vec::new(),
        }
    }

    /// The original offsets of paragraph characters [a, b).
    fn span(&self, para: usize, a: usize, b: usize) -> (usize, usize) {
        let p = &self.paras[para];
        let first = self.joined.origin.get(p.at + a).copied().unwrap_or(0);
        let last = self
            .joined
            .origin
            .get(p.at + b.max(a + 1) - 1)
            .map_or(first, |o| o + 1);
        (first, last.max(first))
    }

    pub fn read(mut self) -> Narrative {
        self.split_sentences();
        self.find_quantities();
        self.qizhong();
        self.lists();
        self.inherit_scopes();
        self.shares();
        self.changes();
        self.budgets();
        self.balances();
        self.listings();
        self.placeholders();
        for q in &self.qs {
            if q.stated() || q.role == Role::Budget {
                self.claims.push(Claim::Amount {
                    mention: mention(q),
                });
            }
        }
        Narrative {
            file: self.doc.file.clone(),
            sentences: self.sentences,
            claims: self.claims,
        }
    }

    fn split_sentences(&mut self) {
        for pi in 0..self.paras.len() {
            let n = self.paras[pi].chars.len();
            let mut start = 0;
            for i in 0..n {
                let end_here = SENTENCE_ENDS.contains(&self.paras[pi].chars[i]) || i + 1 == n;
                if end_here {
                    let text = self.paras[pi].slice(start, i + 1).trim().to_string();
                    if !text.is_empty() {
                        let span = self.span(pi, start, i + 1);
                        self.sentences.push(Sentence {
                            span,
                            text,
                            page: self.doc.page_of(span.0),
                        });
                        self.sentence_at.push((pi, start, i + 1));
                    }
                    start = i + 1;
                }
            }
        }
    }

    fn sentence_of(&self, para: usize, pos: usize) -> usize {
        self.sentence_at
            .iter()
            .position(|&(p, a, b)| p == para && a <= pos && pos < b)
            .unwrap_or(0)
    }

    fn find_quantities(&mut self) {
        for pi in 0..self.paras.len() {
            let text = self.paras[pi].text();
            for found in quantities::find(&text) {
                let (start, end) = (found.start, found.end);
                let subject = subject_before(&self.paras[pi].chars, start);
                let role = role(&self.paras[pi].chars, start, &found, &subject);
                // A 决算数 in a budget-execution sentence is said of the item the sentence is
                // about, not of its label (“支出决算为1511.89万元” is not 本年支出).
                let concept = match role {
                    Role::Plain => concept(&subject, None),
                    _ => None,
                };
                let q = Q {
                    span: self.span(pi, start, end),
                    sentence: self.sentence_of(pi, start),
                    found,
                    para: pi,
                    start,
                    end,
                    subject,
                    role,
                    concept,
                };
                self.qs.push(q);
            }
        }
    }

    fn in_para(&self, para: usize) -> Vec<usize> {
        (0..self.qs.len())
            .filter(|&i| self.qs[i].para == para)
            .collect()
    }

    /// A paragraph introducing a numbered list (“具体情况如下：”, “其中：” at its end), followed by
    /// paragraphs (1) (2) … each giving one part of the stated total.
    fn lists(&mut self) {
        for pi in 0..self.paras.len() {
            let text = self.paras[pi].text();
            let t = text.trim_end();
            let intro_first = ["如下:", "如下：", "如下", "以下方面:", "以下方面："]
                .iter()
                .any(|e| t.ends_with(e));
            let intro_last = t.ends_with("其中:") || t.ends_with("其中：");
            if !intro_first && !intro_last {
                continue;
            }
            let eligible: Vec<usize> = self
                .in_para(pi)
                .into_iter()
                .filter(|&i| self.qs[i].stated())
                .collect();
            // “…如下：” lists the parts of the paragraph's first figure only when that figure is
            // the paragraph's whole (the total of its 其中, or its only figure); a paragraph of
            // parts followed by their details lists no total.
            let total = if intro_first {
                eligible.first().copied().filter(|&f| {
                    eligible.len() == 1 || self.breakdowns.iter().any(|(t, _, _)| *t == f)
                })
            } else {
                eligible.last().copied()
            };
            let Some(total) = total else { continue };
            let mut parts = Vec::new();
            // Each item runs from its number to the next number (a few paragraphs at most).
            let mut items: Vec<Vec<usize>> = Vec::new();
            for pj in pi + 1..self.paras.len() {
                let text = self.paras[pj].text();
                if item_number(&text) == Some(items.len() as u32 + 1) {
                    items.push(vec![pj]);
                } else if items.last().is_some_and(|it| it.len() < 6)
                    && !is_heading(text.trim())
                    && item_number(&text).is_none()
                    && !text.trim().is_empty()
                {
                    if let Some(it) = items.last_mut() {
                        it.push(pj);
                    }
                } else {
                    break;
                }
            }
            for item in items {
                let qs: Vec<usize> = item
                    .iter()
                    .flat_map(|&pj| self.in_para(pj))
                    .filter(|&i| self.qs[i].stated() && self.qs[i].same_family(&self.qs[total]))
                    .collect();
                let pick = qs
                    .iter()
                    .copied()
                    .find(|&i| self.qs[i].role == Role::Final)
                    .or(qs.first().copied());
                if let Some(p) = pick {
                    parts.push(p);
                }
            }
            if parts.len() >= 2 {
                self.breakdowns.push((total, parts, true));
            }
        }
    }

    /// “A，其中：b1…、b2…” and “分别为” within one paragraph.
    fn qizhong(&mut self) {
        for pi in 0..self.paras.len() {
            let text = self.paras[pi].text();
            let chars = &self.paras[pi].chars;
            // (position, opens a breakdown, exhaustive by its wording). “医院中：” opens a
            // breakdown of a part and so closes the one before it.
            let mut markers: Vec<(usize, bool, bool)> = Vec::new();
            for (word, opens, exhaustive) in [
                ("其中", true, false),
                ("分别为", true, true),
                ("分别是", true, true),
                ("以下方面", true, true),
                ("中:", false, false),
                ("中：", false, false),
            ] {
                let mut from = 0;
                while let Some(b) = text[from..].find(word) {
                    let pos = text[..from + b].chars().count();
                    let part_of_qizhong = !opens && pos > 0 && chars[pos - 1] == '其';
                    if !part_of_qizhong {
                        markers.push((pos, opens, exhaustive));
                    }
                    from += b + word.len();
                }
            }
            markers.sort();
            let qs = self.in_para(pi);
            for (k, &(m, opens, exhaustive_word)) in markers.iter().enumerate() {
                if !opens {
                    continue;
                }
                let mut next = markers.get(k + 1).map_or(chars.len(), |x| x.0);
                // Parts stay in the 其中's sentence, except in a numbered item, whose parts are
                // often described one sentence each: “其中：&A&决算…。&B&决算…。”.
                if item_number(&text).is_none() {
                    if let Some(end) = (m..chars.len()).find(|&i| SENTENCE_ENDS.contains(&chars[i]))
                    {
                        next = next.min(end + 1);
                    }
                }
                let Some(total) = qs
                    .iter()
                    .copied()
                    .rfind(|&i| self.qs[i].end <= m && self.qs[i].stated())
                else {
                    continue;
                };
                let parts: Vec<usize> = qs
                    .iter()
                    .copied()
                    .filter(|&i| {
                        let q = &self.qs[i];
                        q.start > m
                            && q.start < next
                            && q.stated()
                            && q.same_family(&self.qs[total])
                    })
                    .collect();
                if parts.is_empty() {
                    continue;
                }
                // Parts each followed by a share that add up to 100% cover the total.
                let shares: Vec<rust_decimal::Decimal> = parts
                    .iter()
                    .filter_map(|&p| {
                        qs.iter()
                            .find(|&&s| {
                                self.qs[s].role == Role::Share
                                    && self.qs[s].start > self.qs[p].end
                                    && self.qs[s].start <= self.qs[p].end + 3
                            })
                            .map(|&s| self.qs[s].found.value)
                    })
                    .collect();
                let hundred: rust_decimal::Decimal = shares.iter().copied().sum();
                let covered = shares.len() == parts.len()
                    && hundred >= rust_decimal::Decimal::new(995, 1)
                    && hundred <= rust_decimal::Decimal::new(1005, 1);
                self.breakdowns
                    .push((total, parts, exhaustive_word || covered));
            }
        }
    }

    /// Parts say whose money they are through their total: under 财政拨款支出, 基本支出 is the
    /// appropriations' 基本支出.
    fn inherit_scopes(&mut self) {
        for _ in 0..3 {
            for (total, parts, _) in self.breakdowns.clone() {
                let Some(scope) = self.qs[total].concept.as_ref().map(|c| c.scope) else {
                    continue;
                };
                for p in parts {
                    let q = &self.qs[p];
                    let named = clean(&q.subject);
                    self.qs[p].concept = concept(&q.subject, Some(scope)).or_else(|| {
                        (!named.is_empty() && matches!(q.found.measure, Measure::Money(_)))
                            .then_some(Concept {
                                scope,
                                item: Item::Subject(named),
                            })
                    });
                }
            }
        }
        for (total, parts, exhaustive) in &self.breakdowns {
            self.claims.push(Claim::Breakdown {
                total: mention(&self.qs[*total]),
                parts: parts.iter().map(|&p| mention(&self.qs[p])).collect(),
                exhaustive: *exhaustive,
            });
        }
    }

    fn shares(&mut self) {
        for si in 0..self.qs.len() {
            if self.qs[si].role != Role::Share {
                continue;
            }
            let s = &self.qs[si];
            let chars = &self.paras[s.para].chars;
            let zhan = (0..s.start)
                .rev()
                .find(|&i| chars[i] == '占')
                .unwrap_or(s.start);
            let label: String = chars[zhan + 1..s.start].iter().collect();
            let label = label
                .trim()
                .trim_end_matches("的比例为")
                .trim_end_matches("的比重为")
                .trim_end_matches("的比重")
                .trim_end_matches("比重为")
                .trim_end_matches('的')
                .to_string();
            let Some(part) = (0..si).rev().find(|&i| {
                self.qs[i].para == s.para
                    && self.qs[i].sentence == s.sentence
                    && self.qs[i].stated()
                    && self.qs[i].end <= zhan
            }) else {
                continue;
            };
            let base = if label.is_empty() {
                match self
                    .breakdowns
                    .iter()
                    .find(|(_, parts, _)| parts.contains(&part))
                {
                    Some((total, _, _)) => ShareBase::Total(Box::new(mention(&self.qs[*total]))),
                    None => ShareBase::Named {
                        label,
                        concept: None,
                    },
                }
            } else {
                let concept = concept(&label, None);
                ShareBase::Named { label, concept }
            };
            self.claims.push(Claim::Share {
                part: mention(&self.qs[part]),
                percent: quantity(&self.qs[si]),
                base,
                sentence: self.qs[si].sentence,
            });
        }
    }

    fn changes(&mut self) {
        for di in 0..self.qs.len() {
            let d = &self.qs[di];
            let (delta, direction) = match d.role {
                Role::Delta(dir) if d.is_money_or_count() => (Some(di), dir),
                // A rate with no amount before it in its clause stands alone.
                Role::Rate(dir) if !self.delta_before(di) => (None, dir),
                _ => continue,
            };
            let chars = &self.paras[d.para].chars;
            let (s_para, s_start, _) = self.sentence_at[d.sentence];
            let before: String = chars[s_start.min(d.start)..d.start].iter().collect();
            if s_para != d.para
                || !["比", "较", "相比", "同比", "上年", "上一年"]
                    .iter()
                    .any(|w| before.contains(w))
            {
                continue;
            }
            let rate = match delta {
                Some(_) => (di + 1..self.qs.len())
                    .take_while(|&i| self.qs[i].para == d.para && self.qs[i].sentence == d.sentence)
                    .find(|&i| {
                        matches!(self.qs[i].role, Role::Rate(_)) && self.qs[i].start <= d.end + 12
                    }),
                None => Some(di),
            };
            let word_at = d.start - direction_word_len(chars, d.start);
            let own = subject_before(chars, word_at);
            let own_clean = clean(&own);
            let has_own = !(own_clean.is_empty()
                || own_clean.ends_with("相比")
                || own_clean.starts_with('比'));
            let own_concept = if has_own { concept(&own, None) } else { None };
            // The figure the change is measured from: the nearest one before it in its sentence —
            // of the same concept when the change names its own subject.
            let current = (0..di).rev().find(|&i| {
                let q = &self.qs[i];
                q.para == d.para
                    && q.sentence == d.sentence
                    && q.stated()
                    && q.same_family(d)
                    && (!has_own || (own_concept.is_some() && q.concept == own_concept))
            });
            let (subject, concept_) = if has_own {
                (own, own_concept)
            } else {
                match current {
                    Some(c) => (self.qs[c].subject.clone(), self.qs[c].concept.clone()),
                    None => (String::new(), None),
                }
            };
            let end = rate.map_or(d.end, |r| self.qs[r].end.max(d.end));
            self.claims.push(Claim::Change {
                subject,
                concept: concept_,
                current: current.map(|c| mention(&self.qs[c])),
                delta: delta.map(|i| quantity(&self.qs[i])),
                direction,
                rate: rate.map(|r| quantity(&self.qs[r])),
                rate_direction: rate.and_then(|r| match self.qs[r].role {
                    Role::Rate(dir) => Some(dir),
                    _ => None,
                }),
                sentence: d.sentence,
                span: self.span(d.para, word_at, end),
            });
        }
    }

    fn delta_before(&self, ri: usize) -> bool {
        let r = &self.qs[ri];
        (0..ri).rev().take(2).any(|i| {
            let q = &self.qs[i];
            q.para == r.para && matches!(q.role, Role::Delta(_)) && r.start <= q.end + 12
        })
    }

    fn budgets(&mut self) {
        let comparisons = [
            ("大于预算", Comparison::Greater),
            ("超过预算", Comparison::Greater),
            ("小于预算", Comparison::Less),
            ("低于预算", Comparison::Less),
            ("等于预算", Comparison::Equal),
            ("基本持平", Comparison::Equal),
            ("与预算数持平", Comparison::Equal),
            ("预算数持平", Comparison::Equal),
        ];
        for bi in 0..self.qs.len() {
            if self.qs[bi].role != Role::Budget || !self.qs[bi].is_money_or_count() {
                continue;
            }
            let para = self.qs[bi].para;
            let next_budget = (bi + 1..self.qs.len())
                .find(|&i| self.qs[i].para != para || self.qs[i].role == Role::Budget)
                .unwrap_or(self.qs.len());
            let Some(fi) = (bi + 1..next_budget).find(|&i| self.qs[i].role == Role::Final) else {
                continue;
            };
            let rate = (fi + 1..next_budget).find(|&i| self.qs[i].role == Role::Completion);
            let chars = &self.paras[para].chars;
            let until = if next_budget < self.qs.len() && self.qs[next_budget].para == para {
                self.qs[next_budget].start
            } else {
                chars.len()
            };
            let after: String = chars[self.qs[fi].end..until].iter().collect();
            let wording = comparisons.iter().find_map(|(w, c)| {
                after.find(w).map(|b| {
                    let a = self.qs[fi].end + after[..b].chars().count();
                    (*c, self.span(para, a, a + w.chars().count()))
                })
            });
            let item_start = (0..self.qs[bi].start)
                .rev()
                .find(|&i| SENTENCE_ENDS.contains(&chars[i]))
                .map_or(0, |i| i + 1);
            let subject: String = chars[item_start..self.qs[bi].start].iter().collect();
            self.claims.push(Claim::Budget {
                subject: subject.trim().to_string(),
                budget: quantity(&self.qs[bi]),
                final_: quantity(&self.qs[fi]),
                rate: rate.map(|r| quantity(&self.qs[r])),
                wording,
                sentence: self.qs[fi].sentence,
            });
        }
    }

    /// Income + opening = expenditure + closing, when one sentence states all four. In such a
    /// sentence “支出总计” can only mean the year's spending, and the scope of one figure is the
    /// scope of all four.
    fn balances(&mut self) {
        let n = self.sentences.len();
        for s in 0..n {
            let qs: Vec<usize> = (0..self.qs.len())
                .filter(|&i| self.qs[i].sentence == s && self.qs[i].stated())
                .collect();
            let find = |items: &[Item]| {
                qs.iter().copied().find(|&i| {
                    self.qs[i]
                        .concept
                        .as_ref()
                        .is_some_and(|c| items.contains(&c.item))
                })
            };
            let (Some(inc), Some(open), Some(exp), Some(close)) = (
                find(&[Item::Income]),
                find(&[Item::Opening]),
                find(&[Item::Expenditure, Item::GrandTotal]),
                find(&[Item::Closing]),
            ) else {
                continue;
            };
            if !(inc < open && open < exp && exp < close) {
                continue;
            }
            let fiscal = [inc, open, exp, close].iter().any(|&i| {
                self.qs[i]
                    .concept
                    .as_ref()
                    .is_some_and(|c| c.scope == Scope::Fiscal)
            });
            let scope = if fiscal { Scope::Fiscal } else { Scope::All };
            for (i, item) in [
                (inc, Item::Income),
                (open, Item::Opening),
                (exp, Item::Expenditure),
                (close, Item::Closing),
            ] {
                self.qs[i].concept = Some(Concept { scope, item });
            }
            self.claims.push(Claim::Balance {
                income: mention(&self.qs[inc]),
                opening: mention(&self.qs[open]),
                expenditure: mention(&self.qs[exp]),
                closing: mention(&self.qs[close]),
            });
        }
    }

    /// “单位共8个，详细情况见下表：” and the lines that follow, one name each.
    fn listings(&mut self) {
        for qi in 0..self.qs.len() {
            let q = &self.qs[qi];
            let Measure::Count(_) = q.found.measure else {
                continue;
            };
            let chars = &self.paras[q.para].chars;
            let before: String = chars[q.start.saturating_sub(3)..q.start].iter().collect();
            let text = self.paras[q.para].text();
            let t = text.trim_end();
            let intro = ["见下表:", "见下表：", "如下:", "如下：", "见下表"]
                .iter()
                .any(|e| t.ends_with(e));
            if !before.contains('共') || !intro {
                continue;
            }
            let mut listed = Vec::new();
            for pj in q.para + 1..self.paras.len() {
                let line = self.paras[pj].text();
                let l = line.trim();
                if l.is_empty()
                    || l.chars().count() > 40
                    || l.chars().any(|c| c.is_ascii_digit() || c == '。')
                    || is_heading(l)
                {
                    break;
                }
                listed.push(self.span(pj, 0, self.paras[pj].chars.len()));
            }
            if !listed.is_empty() {
                self.claims.push(Claim::Listing {
                    count: quantity(&self.qs[qi]),
                    listed,
                    sentence: self.qs[qi].sentence,
                });
            }
        }
    }

    fn placeholders(&mut self) {
        for pi in 0..self.paras.len() {
            let text = self.paras[pi].text();
            for re in placeholder_patterns() {
                for cap in re.captures_iter(&text) {
                    // The placeholder itself, without the character the pattern needed around it.
                    let Some(m) = cap.name("p").or_else(|| cap.get(0)) else {
                        continue;
                    };
                    let a = text[..m.start()].chars().count();
                    let b = a + m.as_str().chars().count();
                    self.claims.push(Claim::Placeholder {
                        text: m.as_str().to_string(),
                        span: self.span(pi, a, b),
                        sentence: self.sentence_of(pi, a),
                    });
                }
            }
        }
    }
}

fn placeholder_patterns() -> &'static [Regex] {
    static RE: OnceLock<Vec<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        [
            r"(截至|截止到|截止至|截止)\s*日",
            r"(^|[^0-9])\s年\s*月\s*日",
            r"(?:^|[^A-Za-z])(?P<p>[XＸ×]{2,}|[xｘ]{2,})(?:[\p{Han}%％]|$)",
            r"(增加|增长|上升)[（(](减少|下降|降低)[）)]|(减少|下降|降低)[（(](增加|增长|上升)[）)]",
            r"(大于|小于|等于)[（(](大于|小于|等于)[）)]",
            r"(为|计|达|合计)\s*(万元|亿元)",
            r"占\s*[%％]",
        ]
        .iter()
        .filter_map(|p| Regex::new(p).ok())
        .collect()
    })
}

fn mention(q: &Q) -> Mention {
    Mention {
        subject: q.subject.clone(),
        concept: q.concept.clone(),
        quantity: quantity(q),
        sentence: q.sentence,
    }
}

fn quantity(q: &Q) -> Quantity {
    Quantity {
        figure: q.found.figure(),
        measure: q.found.measure.clone(),
        span: q.span,
        raw: q.found.raw.clone(),
    }
}

/// The label before a number: back to the last delimiter of the clause. Brackets are taken
/// whole (“因公出国（境）费”, “卫生健康支出（类）”); “收、支” stays one label.
fn subject_before(chars: &[char], pos: usize) -> String {
    let mut i = pos;
    let mut depth = 0usize;
    while i > 0 {
        let c = chars[i - 1];
        match c {
            ')' | '）' => depth += 1,
            '(' | '（' if depth > 0 => depth -= 1,
            '(' | '（' => break,
            '、' if depth == 0 => {
                let joined = i >= 2 && chars[i - 2] == '收' && chars.get(i) == Some(&'支');
                if !joined {
                    break;
                }
            }
            '，' | ',' | '；' | ';' | '。' | '：' | ':' | '\t' | '！' | '？' if depth == 0 => {
                break
            }
            _ => {}
        }
        i -= 1;
    }
    chars[i..pos].iter().collect::<String>().trim().to_string()
}

/// How many characters of direction word (and a 了) stand right before `pos`.
fn direction_word_len(chars: &[char], pos: usize) -> usize {
    let before: String = chars[pos.saturating_sub(4)..pos].iter().collect();
    let b = before.trim_end().trim_end_matches('了');
    let skipped = before.chars().count() - b.chars().count();
    RISE_WORDS
        .iter()
        .chain(FALL_WORDS)
        .filter(|w| b.ends_with(*w))
        .map(|w| w.chars().count() + skipped)
        .max()
        .unwrap_or(0)
}

fn role(chars: &[char], start: usize, found: &Found, subject: &str) -> Role {
    let before: String = chars[start.saturating_sub(4)..start].iter().collect();
    let b = before.trim_end().trim_end_matches('了').trim_end();
    let dir = if RISE_WORDS.iter().any(|w| b.ends_with(w)) && !b.ends_with("增加到") {
        Some(Direction::Up)
    } else if FALL_WORDS.iter().any(|w| b.ends_with(w)) {
        Some(Direction::Down)
    } else {
        None
    };
    let percent = matches!(found.measure, Measure::Percent);
    if let Some(d) = dir {
        return if percent {
            Role::Rate(d)
        } else {
            Role::Delta(d)
        };
    }
    if percent {
        // 占 may stand several characters before, with the base between: 占本年支出合计的99%.
        let clause: String = chars[..start]
            .iter()
            .rev()
            .take_while(|c| !"，,；;。：:".contains(**c))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if clause.contains('占') {
            return Role::Share;
        }
        if clause.contains("完成") || clause.contains("执行率") {
            return Role::Completion;
        }
        return Role::OtherPercent;
    }
    let s = clean(subject);
    if s.contains("决算") || s.ends_with("支出决算") {
        Role::Final
    } else if s.contains("预算") && !s.contains("财政拨款") && !s.starts_with("一般公共预算")
    {
        Role::Budget
    } else if subject.contains("决算为") || subject.ends_with("决算数为") {
        Role::Final
    } else {
        Role::Plain
    }
}
