/// What the pages load besides themselves, compiled into the binary so the studio works
/// offline and needs no build step: one style sheet and one small script (no framework).
enum StudioAssets {}
