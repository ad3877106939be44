"""An English rendering of the two French letters of 11 July 2005, line for line.

It stands in for the corpus's English counterpart in the extraction tests, so
that they do not depend on the aligner: line N here translates non-empty line N
of corpus/wgig-transmittal-letters-2005-07-11.fr.txt.
"""

_BODY = [
    "During the first phase of the World Summit on the Information Society, held in Geneva in "
    "December 2003, I was requested to set up a working group on Internet governance, in an open "
    "and inclusive process that ensures a mechanism for the full and active participation of "
    "Governments, the private sector and civil society. It was also decided that the Working Group "
    "on Internet Governance would present a report for consideration and appropriate action during "
    "the second phase of the Summit, to be held in Tunis in November 2005.",
    "I established the Working Group on 11 November 2004 and asked Mr. Nitin Desai, my Special "
    "Adviser for the Summit, to chair it.",
    "I am very pleased to transmit to you today the report of the Working Group on Internet "
    "Governance. I welcome this valuable contribution to the preparatory process of the Summit. "
    "I am also sending you a background report prepared by the Working Group, which summarizes "
    "much of its work and reflects the contributions of all stakeholders. I am confident that this "
    "background report will be useful in the preparatory process of the Summit.",
    "Finally, I would like to express my sincere appreciation to the Chairman of the Working "
    "Group, its members, its coordinator and its secretariat for their dedication and for the time "
    "and effort they have devoted to this important task.",
]

LETTERS_EN = [
    "11 July 2005",
    "Mr. Secretary-General,",
    *_BODY,
    "I have sent an identical letter to Mr. Janis Karklinš, President of the Preparatory "
    "Committee.",
    "Accept, Mr. Secretary-General, the assurances of my highest consideration.",
    "(Signed) Kofi A. Annan",
    "Mr. Yoshio Utsumi",
    "Secretary-General",
    "World Summit on the Information Society",
    "Geneva",
    "11 July 2005",
    "Mr. Ambassador,",
    *_BODY,
    "I have sent an identical letter to Mr. Yoshio Utsumi, Secretary-General of the World Summit "
    "on the Information Society.",
    "Accept, Mr. Ambassador, the assurances of my highest consideration.",
    "(Signed) Kofi A. Annan",
    "His Excellency",
    "Mr. Janis Karklinš",
    "President of the Preparatory Committee",
    "for the second phase of the World Summit",
    "on the Information Society",
    "Geneva",
]
