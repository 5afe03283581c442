//! What the admin is told about their saved data.

/// Something the admin should know about their saved data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageProblem {
    /// The saved data could not be read; it was kept under `kept_as`.
    Unreadable {
        reason: String,
        kept_as: Option<String>,
    },
    /// Saved by a newer console: shown read-only.
    Newer,
    /// Saving failed (storage full or disabled); changes live until reload.
    SaveFailed,
    /// The browser gives this page no storage at all.
    Unavailable,
    /// Another tab (or, with the server, another admin) saved changes
    /// first; they were loaded before ours.
    ChangedElsewhere,
    /// Another tab saved at the same moment as this one, its save replaced
    /// this tab's last change, and that change no longer applies to it.
    OverwrittenByOtherTab,
    /// Another tab saved at the same moment as this one; this tab's last
    /// change was made again on top of that tab's data.
    RedoneAfterOtherTab,
    /// Someone saved on the server since this page loaded; their change
    /// was loaded before ours was made.
    ChangedOnServer,
    /// The server has not answered the last few requests.
    Offline,
}

impl std::fmt::Display for StorageProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageProblem::Unreadable { reason, kept_as: Some(key) } => write!(
                f,
                "Your saved data could not be read, so demo data is shown. {reason} The unreadable data is kept in this browser under “{key}”."
            ),
            StorageProblem::Unreadable { reason, kept_as: None } => write!(
                f,
                "Your saved data could not be read, so demo data is shown. {reason}"
            ),
            StorageProblem::Newer => f.write_str(
                "Your saved data comes from a newer version of the console. It is shown read-only.",
            ),
            StorageProblem::SaveFailed => f.write_str(
                "Your last change could not be saved in this browser (storage is full or turned off). It stays until you reload; export your data to keep it.",
            ),
            StorageProblem::Unavailable => f.write_str(
                "This browser gives the console no storage, so changes last only until you reload.",
            ),
            StorageProblem::ChangedElsewhere => f.write_str(
                "Your data was changed in another tab. This page loaded those changes first, then made yours, so nothing was overwritten. Check the result.",
            ),
            StorageProblem::OverwrittenByOtherTab => f.write_str(
                "Another tab saved at the same moment as this one, and its data replaced your last change here, which no longer applies to it. The page now shows that tab's data: check it, and make your change again if it is still needed.",
            ),
            StorageProblem::RedoneAfterOtherTab => f.write_str(
                "Another tab saved at the same moment as this one. This page loaded that tab's data and made your last change again on top of it, so nothing was lost. Check the result.",
            ),
            StorageProblem::ChangedOnServer => f.write_str(
                "Someone changed this data on the server since this page loaded it. The console loaded their change first, then made yours, so nothing was overwritten. Check the result.",
            ),
            StorageProblem::Offline => f.write_str(
                "You're offline: the server hasn't answered the last few requests. Nothing you entered is lost; it stays on this page until the server answers again.",
            ),
        }
    }
}
