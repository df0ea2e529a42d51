// The word lists behind Dictionary, taken into the program when it is built (the paths come from
// core/CMakeLists.txt), so a project audits the same way on every machine.

#ifndef WARRANT_DICTIONARY_AMERICAN
#error "WARRANT_DICTIONARY_AMERICAN must name the American word list"
#endif

__asm__(".section .rodata\n"
        ".global warrant_dictionary_american\n"
        ".hidden warrant_dictionary_american\n"
        ".type warrant_dictionary_american, @object\n"
        "warrant_dictionary_american:\n"
        ".incbin \"" WARRANT_DICTIONARY_AMERICAN "\"\n"
        ".byte 0\n"
        ".global warrant_dictionary_british\n"
        ".hidden warrant_dictionary_british\n"
        ".type warrant_dictionary_british, @object\n"
        "warrant_dictionary_british:\n"
        ".incbin \"" WARRANT_DICTIONARY_BRITISH "\"\n"
        ".byte 0\n"
        ".previous\n");
