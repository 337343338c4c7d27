//! Several lists: extra lists from disk, verified and listed beside the
//! bundled one; verdicts combined over the lists in use; switching lists.

use addrcheck_core::Status;

use super::*;
use crate::lists::Origin;
use crate::load::verify_list_file;
use crate::state::Results;

fn with_team(details: bool) -> State {
    let team = verify_list_file("team.filter", &team_bytes(details)).unwrap();
    ready(true).apply(Action::AddList {
        file: "team.filter".into(),
        filter: Box::new(team),
    })
}

#[test]
fn an_extra_list_is_listed_beside_the_bundled_one() {
    let s = with_team(true);
    let lists = s.lists.all();
    assert_eq!(lists.len(), 2);
    assert_eq!(lists[0].origin, Origin::Bundled);
    assert_eq!(lists[1].origin, Origin::File("team.filter".into()));
    assert_eq!(lists[1].summary.list_name, "Team watchlist");
    assert_eq!(lists[1].summary.fp_rate, "1 in 1,000,000");
    // 2026-11-20 is four days before "today": no warning.
    assert_eq!(
        lists[1].summary.sources[0].age.as_ref().unwrap().text,
        "list is 4 days old"
    );
    assert!(!lists[1].summary.stale);
    assert!(lists.iter().all(|l| l.enabled));
    assert_eq!(
        s.lists.coverage(),
        "OFAC SDN as of 2025-11-27; Team as of 2026-11-20"
    );
}

#[test]
fn each_verdict_says_which_list_matched() {
    let s = with_team(true);
    // Only on the team list.
    let v = input(&s, OTHER).single_verdict().unwrap();
    assert_eq!(v.status, Status::Flagged);
    assert_eq!(v.matches.len(), 1);
    assert_eq!(v.matches[0].list, "Team watchlist");
    assert_eq!(v.matches[0].source, "Team");
    assert_eq!(v.matches[0].as_of, "2026-11-20");
    assert_eq!(v.matches[0].names, ["Drainer 7"]);
    // On both: every list's labels.
    let v = input(&s, LISTED).single_verdict().unwrap();
    let lists: Vec<&str> = v.matches.iter().map(|m| m.list.as_str()).collect();
    assert_eq!(
        lists,
        [
            "OFAC sanctioned digital currency addresses",
            "Team watchlist"
        ]
    );
    assert_eq!(
        v.summary,
        "This address is on 2 lists: OFAC SDN as of 2025-11-27; Team as of 2026-11-20."
    );
    // On neither: names every list checked.
    let v = input(&s, BTC).single_verdict().unwrap();
    assert_eq!(v.status, Status::Clear);
    assert_eq!(
        v.summary,
        "Not on any of the 2 lists checked: OFAC SDN as of 2025-11-27; Team as of 2026-11-20."
    );
}

#[test]
fn a_list_without_details_gives_possible_unless_another_confirms() {
    let s = with_team(false);
    let v = input(&s, OTHER).single_verdict().unwrap();
    assert_eq!(v.status, Status::Possible);
    assert!(v.matches.is_empty());
    assert_eq!(v.possible[0].list, "Team watchlist");
    assert_eq!(v.possible[0].fp_rate, "1 in 1,000,000");
    assert!(
        v.summary.contains("Team watchlist (Team as of 2026-11-20)"),
        "{}",
        v.summary
    );
    // Confirmed by the bundled list: flagged, and the unconfirmed hit is shown too.
    let v = input(&s, LISTED).single_verdict().unwrap();
    assert_eq!(v.status, Status::Flagged);
    assert_eq!(v.matches.len(), 1);
    assert_eq!(v.possible.len(), 1);
}

#[test]
fn switching_lists_rechecks_the_text() {
    let s = input(&with_team(true), &format!("{OTHER}\n{LISTED}\n{BTC}"));
    let bundled = s.lists.all()[0].id;
    let team = s.lists.all()[1].id;
    assert_eq!(s.batch().unwrap().counts.flagged, 2);

    let off = finish(s.apply(Action::SetList {
        id: team,
        on: false,
    }));
    assert_eq!(off.batch().unwrap().counts.flagged, 1);
    assert_eq!(off.checked.lists, 1);
    assert_eq!(off.checked.coverage, "OFAC SDN as of 2025-11-27");

    let none = finish(off.apply(Action::SetList {
        id: bundled,
        on: false,
    }));
    assert_eq!(none.results, Results::NoLists);
    assert_eq!(none.announcement(), "Nothing was checked.");

    let team_only = finish(none.apply(Action::SetList { id: team, on: true }));
    let counts = team_only.batch().unwrap().counts;
    assert_eq!((counts.flagged, counts.clear), (2, 1));
    assert_eq!(team_only.checked.coverage, "Team as of 2026-11-20");

    // Removing the team list leaves only the (switched off) bundled list.
    let removed = finish(team_only.apply(Action::RemoveList(team)));
    assert_eq!(removed.lists.all().len(), 1);
    assert_eq!(removed.results, Results::NoLists);
    // The bundled list cannot be removed.
    let kept = removed.apply(Action::RemoveList(bundled));
    assert_eq!(kept.lists.all().len(), 1);
}

#[test]
fn damaged_or_duplicate_lists_are_refused_with_the_reason() {
    let mut bytes = team_bytes(true);
    let last = bytes.len() - 1;
    bytes[last] ^= 0xff;
    let refused = verify_list_file("team.filter", &bytes).unwrap_err();
    assert_eq!(refused.reason, "filter file is corrupt: SHA-256 mismatch");
    let s = ready(true).apply(Action::ListRefused(refused.clone()));
    assert_eq!(s.list_refused, Some(refused));
    assert_eq!(s.lists.all().len(), 1);

    // The bundled file again, under another name.
    let s = ready(true).apply(Action::AddList {
        file: "copy.filter".into(),
        filter: filter(&filter_bytes(true)),
    });
    let refused = s.list_refused.clone().unwrap();
    assert_eq!(refused.file, "copy.filter");
    assert!(
        refused.reason.contains("already loaded"),
        "{}",
        refused.reason
    );
    assert_eq!(s.lists.all().len(), 1);

    // A later good list clears the message.
    let s = s.apply(Action::AddList {
        file: "team.filter".into(),
        filter: filter(&team_bytes(true)),
    });
    assert_eq!(s.list_refused, None);
    assert_eq!(s.lists.all().len(), 2);
}

#[test]
fn old_lists_are_flagged_as_stale_where_verdicts_show() {
    let s = input(&with_team(true), BTC);
    assert_eq!(
        s.checked.stale,
        ["OFAC SDN (as of 2025-11-27): list is 362 days old"]
    );
    // Without a clock there is no age and no warning.
    let s = State::new(None).apply(Action::Loaded(filter(&filter_bytes(true))));
    assert!(s.lists.all()[0].summary.sources[0].age.is_none());
    assert!(s.checked.stale.is_empty());
}
