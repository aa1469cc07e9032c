//! pressroom: turns a newspaper's e-paper page dumps into RSS, Atom and JSON feeds.
//!
//! The pure core ([`edition`], [`render`]) knows nothing of files, sockets or clocks; the
//! edges ([`config`], [`store`], [`inbox`], [`publish`], [`server`]) do the I/O, and
//! [`daemon`] wires them together.

pub mod article;
pub mod edition;
pub mod render;
pub mod server;
