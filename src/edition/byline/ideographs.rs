//! Sets of CJK ideographs asked of nearly every line of a page (does it open with a common
//! surname), answered by one bit each: a set built by the compiler from the list of its
//! characters.

/// The first and last characters of the basic block of CJK ideographs, where every member
/// of a set lies.
const FIRST: u32 = 0x4E00;
const LAST: u32 = 0x9FFF;

/// 64-bit words of a set: one bit an ideograph of the basic block.
const WORDS: usize = (LAST - FIRST + 1).div_ceil(64) as usize;

/// A set of basic-block ideographs (2.6 KiB), looked up in a load and a shift where a
/// binary search of a sorted list cost some 60 instructions.
pub struct IdeographSet([u64; WORDS]);

impl IdeographSet {
    /// The set of the characters `list` holds; the build fails if it holds anything but
    /// basic-block ideographs.
    pub const fn of(list: &str) -> Self {
        let bytes = list.as_bytes();
        let mut bits = [0; WORDS];
        let mut i = 0;
        while i < bytes.len() {
            // A basic-block ideograph is three UTF-8 bytes: 1110xxxx 10xxxxxx 10xxxxxx.
            assert!(bytes[i] & 0xF0 == 0xE0, "not a three-byte character");
            let c = (bytes[i] as u32 & 0x0F) << 12
                | (bytes[i + 1] as u32 & 0x3F) << 6
                | (bytes[i + 2] as u32 & 0x3F);
            assert!(FIRST <= c && c <= LAST, "not a basic ideograph");
            let k = (c - FIRST) as usize;
            bits[k / 64] |= 1 << (k % 64);
            i += 3;
        }
        Self(bits)
    }

    /// Whether `c` is in the set: false for anything outside the basic block.
    pub fn contains(&self, c: char) -> bool {
        let Some(k) = (c as u32).checked_sub(FIRST) else {
            return false;
        };
        let k = k as usize;
        self.0
            .get(k / 64)
            .is_some_and(|word| word >> (k % 64) & 1 == 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_holds_its_list_and_nothing_else() {
        const LIST: &str = "一王丁鿿";
        static SET: IdeographSet = IdeographSet::of(LIST);
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(SET.contains(c), LIST.contains(c), "{c:?}");
        }
    }
}
