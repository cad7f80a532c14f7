//! The data model of conndoctor, the lowest layer of the workspace: what a user asks
//! for ([`target`]), what probes saw ([`evidence`]), what rules concluded
//! ([`finding`]) and the one table of cause ids ([`cause`]). Plain data, no I/O;
//! every other crate depends on this one, and it depends on none of them
//! (tests/layers.rs checks that).

#![deny(unsafe_code)]

pub mod audit;
pub mod cause;
pub mod evidence;
pub mod finding;
pub mod net;
pub mod report;
pub mod target;
