/*
 * GpioInt/GpioIo cases for the differential test (tests/compat/run-iasl-diff.sh):
 * compiled by Debian's iasl, each Name's buffer is walked and decoded by the codec and
 * must give exactly what the "expect" line beside it says; encoding each decoded
 * descriptor must give back iasl's bytes.
 *
 * The expectations are written by hand from the ASL (the GpioInt and GpioIo macros of
 * the ACPI 6.x ASL reference; omitted arguments take the spec's defaults: Exclusive,
 * 0, IoRestrictionNone, ResourceSourceIndex 0, ResourceConsumer; iasl requires
 * PinConfig, and its GpioInt takes one pin):
 *
 *   // expect NAME[i] <fields>   the i-th GPIO descriptor of NAME's template
 *   // expect NAME gpios=0       NAME's template holds no GPIO descriptor
 *
 * Fields, all of them on every line, in this order:
 *   type=int mode=level|edge polarity=high|low|both     (GpioInt)
 *   type=io restriction=none|input|output|preserve        (GpioIo)
 *   share=exclusive|shared wake=0|1 usage=consumer|producer config=0xNN (PinConfig)
 *   drive=N debounce=N (decimal, 1/100 mA and 1/100 ms) source_index=N
 *   source=<ResourceSource as stored> pins=a,b,... (decimal) vendor=<hex bytes>|-
 * Every Name in the table must have expectations, and the number of "NAME[i]" lines
 * must be the number of GPIO descriptors iasl wrote.
 */
DefinitionBlock ("", "SSDT", 2, "CLXGPI", "CODECDIF", 0x00000001)
{
    /* ---- GpioInt ---- */

    // GPIOCLX-FACTS.md §11's example, relative ResourceSource
    // expect I000[0] type=int mode=edge polarity=high share=exclusive wake=0 usage=consumer config=0x01 drive=0 debounce=0 source_index=0 source=GPO0 pins=3 vendor=-
    Name (I000, ResourceTemplate ()
    {
        GpioInt (Edge, ActiveHigh, Exclusive, PullUp, 0x0000, "GPO0", 0x00, ResourceConsumer, ,) {3}
    })

    // expect I001[0] type=int mode=level polarity=low share=shared wake=0 usage=consumer config=0x02 drive=0 debounce=100 source_index=0 source=\_SB.GPI0 pins=0 vendor=-
    Name (I001, ResourceTemplate ()
    {
        GpioInt (Level, ActiveLow, Shared, PullDown, 0x0064, "\\_SB.GPI0", 0x00, ResourceConsumer, ,) {0}
    })

    // ActiveBoth, wake, PullNone
    // expect I002[0] type=int mode=edge polarity=both share=exclusive wake=1 usage=consumer config=0x03 drive=0 debounce=3000 source_index=0 source=\_SB.PCI0.GPIO pins=31 vendor=-
    Name (I002, ResourceTemplate ()
    {
        GpioInt (Edge, ActiveBoth, ExclusiveAndWake, PullNone, 0x0BB8, "\\_SB.PCI0.GPIO", 0x00, ResourceConsumer, ,) {0x1F}
    })

    // Level ActiveBoth, SharedAndWake, producer, nonzero ResourceSourceIndex
    // expect I003[0] type=int mode=level polarity=both share=shared wake=1 usage=producer config=0x00 drive=0 debounce=65535 source_index=7 source=\_SB.GPO1 pins=7 vendor=-
    Name (I003, ResourceTemplate ()
    {
        GpioInt (Level, ActiveBoth, SharedAndWake, PullDefault, 0xFFFF, "\\_SB.GPO1", 0x07, ResourceProducer, ,) {7}
    })

    // vendor PinConfig and vendor data (imxgpio style: tag 0x01 + ULONG PAD_CTL)
    // expect I004[0] type=int mode=edge polarity=low share=exclusive wake=0 usage=consumer config=0x85 drive=0 debounce=0 source_index=0 source=\_SB.PC00.LPCB.EC0_.GPI0.BANK.CTRL pins=42 vendor=0178563412
    Name (I004, ResourceTemplate ()
    {
        GpioInt (Edge, ActiveLow, Exclusive, 0x85, 0x0000, "\\_SB.PC00.LPCB.EC0_.GPI0.BANK.CTRL", 0x00, ResourceConsumer, ,
            RawDataBuffer (0x05)
            {
                0x01, 0x78, 0x56, 0x34, 0x12
            })
            {42}
    })

    // every optional argument omitted (PinConfig is not optional)
    // expect I005[0] type=int mode=edge polarity=high share=exclusive wake=0 usage=consumer config=0x00 drive=0 debounce=0 source_index=0 source=\_SB.GPO0 pins=5 vendor=-
    Name (I005, ResourceTemplate ()
    {
        GpioInt (Edge, ActiveHigh, , PullDefault, , "\\_SB.GPO0") {5}
    })

    // vendor PinConfig 0xFF, the highest pin GpioClx can name (iasl's GpioInt takes one pin)
    // expect I006[0] type=int mode=level polarity=high share=shared wake=0 usage=consumer config=0xff drive=0 debounce=1 source_index=0 source=\_SB.GPO2 pins=65534 vendor=-
    Name (I006, ResourceTemplate ()
    {
        GpioInt (Level, ActiveHigh, Shared, 0xFF, 0x0001, "\\_SB.GPO2", 0x00, ResourceConsumer, ,) {0xFFFE}
    })

    /* ---- GpioIo ---- */

    // expect O000[0] type=io restriction=none share=exclusive wake=0 usage=consumer config=0x01 drive=0 debounce=0 source_index=0 source=\_SB.GPO0 pins=15 vendor=-
    Name (O000, ResourceTemplate ()
    {
        GpioIo (Exclusive, PullUp, 0x0000, 0x0000, IoRestrictionNone, "\\_SB.GPO0", 0x00, ResourceConsumer, ,) {15}
    })

    // GpioIo's arguments: Shared, PinConfig, DebounceTimeout, DriveStrength, IoRestriction, ...
    // expect O001[0] type=io restriction=input share=shared wake=0 usage=consumer config=0x02 drive=32 debounce=16 source_index=0 source=GPO0 pins=27,31 vendor=-
    Name (O001, ResourceTemplate ()
    {
        GpioIo (Shared, PullDown, 0x0010, 0x0020, IoRestrictionInputOnly, "GPO0", 0x00, ResourceConsumer) {27, 31}
    })

    // expect O002[0] type=io restriction=output share=shared wake=1 usage=producer config=0x03 drive=5000 debounce=0 source_index=5 source=\_SB.GPI0 pins=1,2,65535 vendor=010203
    Name (O002, ResourceTemplate ()
    {
        GpioIo (SharedAndWake, PullNone, 0x0000, 0x1388, IoRestrictionOutputOnly, "\\_SB.GPI0", 0x05, ResourceProducer, ,
            RawDataBuffer (0x03)
            {
                0x01, 0x02, 0x03
            })
            {1, 2, 0xFFFF}
    })

    // expect O003[0] type=io restriction=preserve share=exclusive wake=1 usage=consumer config=0x00 drive=65535 debounce=65535 source_index=255 source=\_SB.PC00.LPCB.EC0_.GPI0 pins=0,1,2,3,4,5,6,7 vendor=-
    Name (O003, ResourceTemplate ()
    {
        GpioIo (ExclusiveAndWake, PullDefault, 0xFFFF, 0xFFFF, IoRestrictionNoneAndPreserve, "\\_SB.PC00.LPCB.EC0_.GPI0", 0xFF, ResourceConsumer, ,) {0, 1, 2, 3, 4, 5, 6, 7}
    })

    // vendor PinConfig, shortest ResourceSource, defaults for the rest
    // expect O004[0] type=io restriction=none share=exclusive wake=0 usage=consumer config=0x80 drive=0 debounce=0 source_index=0 source=G pins=100 vendor=-
    Name (O004, ResourceTemplate ()
    {
        GpioIo (Exclusive, 0x80, , , , "G") {100}
    })

    // 64 pins and 100 bytes of vendor data: a buffer over 255 bytes (AML WordConst size)
    // expect O005[0] type=io restriction=output share=exclusive wake=0 usage=consumer config=0x01 drive=1200 debounce=0 source_index=0 source=\_SB.GPIO pins=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63 vendor=0b30557a9fc4e90e33587da2c7ec11365b80a5caef14395e83a8cdf2173c6186abd0f51a3f6489aed3f81d42678cb1d6fb20456a8fb4d9fe23486d92b7dc01264b7095badf04294e7398bde2072c51769bc0e50a2f54799ec3e80d32577ca1c6eb10355a
    Name (O005, ResourceTemplate ()
    {
        GpioIo (Exclusive, PullUp, 0x0000, 0x04B0, IoRestrictionOutputOnly, "\\_SB.GPIO", 0x00, ResourceConsumer, ,
            RawDataBuffer (0x64)
            {
                0x0B, 0x30, 0x55, 0x7A, 0x9F, 0xC4, 0xE9, 0x0E, 0x33, 0x58, 0x7D, 0xA2, 0xC7, 0xEC, 0x11, 0x36,
                0x5B, 0x80, 0xA5, 0xCA, 0xEF, 0x14, 0x39, 0x5E, 0x83, 0xA8, 0xCD, 0xF2, 0x17, 0x3C, 0x61, 0x86,
                0xAB, 0xD0, 0xF5, 0x1A, 0x3F, 0x64, 0x89, 0xAE, 0xD3, 0xF8, 0x1D, 0x42, 0x67, 0x8C, 0xB1, 0xD6,
                0xFB, 0x20, 0x45, 0x6A, 0x8F, 0xB4, 0xD9, 0xFE, 0x23, 0x48, 0x6D, 0x92, 0xB7, 0xDC, 0x01, 0x26,
                0x4B, 0x70, 0x95, 0xBA, 0xDF, 0x04, 0x29, 0x4E, 0x73, 0x98, 0xBD, 0xE2, 0x07, 0x2C, 0x51, 0x76,
                0x9B, 0xC0, 0xE5, 0x0A, 0x2F, 0x54, 0x79, 0x9E, 0xC3, 0xE8, 0x0D, 0x32, 0x57, 0x7C, 0xA1, 0xC6,
                0xEB, 0x10, 0x35, 0x5A
            })
            {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
             32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63}
    })

    /* ---- whole templates ---- */

    // A peripheral's _CRS: GPIO descriptors among a serial bus, an interrupt, memory
    // expect T000[0] type=int mode=level polarity=low share=exclusive wake=1 usage=consumer config=0x01 drive=0 debounce=0 source_index=0 source=\_SB.GPO0 pins=12 vendor=-
    // expect T000[1] type=io restriction=output share=exclusive wake=0 usage=consumer config=0x03 drive=0 debounce=0 source_index=0 source=\_SB.GPO0 pins=13 vendor=-
    // expect T000[2] type=io restriction=input share=shared wake=0 usage=consumer config=0x02 drive=0 debounce=50 source_index=0 source=\_SB.GPO1 pins=2,4,6 vendor=-
    Name (T000, ResourceTemplate ()
    {
        I2cSerialBusV2 (0x0010, ControllerInitiated, 0x00061A80, AddressingMode7Bit, "\\_SB.I2C1", 0x00, ResourceConsumer, , Exclusive, )
        GpioInt (Level, ActiveLow, ExclusiveAndWake, PullUp, 0x0000, "\\_SB.GPO0", 0x00, ResourceConsumer, ,) {12}
        Memory32Fixed (ReadWrite, 0x09030000, 0x00001000, )
        GpioIo (Exclusive, PullNone, 0x0000, 0x0000, IoRestrictionOutputOnly, "\\_SB.GPO0", 0x00, ResourceConsumer, ,) {13}
        Interrupt (ResourceConsumer, Level, ActiveHigh, Exclusive, ,, ) {0x00000027}
        IRQNoFlags () {5}
        IO (Decode16, 0x0060, 0x0060, 0x01, 0x01, )
        GpioIo (Shared, PullDown, 0x0032, 0x0000, IoRestrictionInputOnly, "\\_SB.GPO1", 0x00, ResourceConsumer, ,) {2, 4, 6}
    })

    // An _AEI: one Exclusive GpioInt per event (PNP0C40-style buttons, power button on pin 3)
    // expect T001[0] type=int mode=edge polarity=both share=exclusive wake=1 usage=consumer config=0x01 drive=0 debounce=0 source_index=0 source=\_SB.GPO0 pins=3 vendor=-
    // expect T001[1] type=int mode=edge polarity=both share=exclusive wake=0 usage=consumer config=0x01 drive=0 debounce=0 source_index=0 source=\_SB.GPO0 pins=4 vendor=-
    // expect T001[2] type=int mode=level polarity=high share=exclusive wake=0 usage=consumer config=0x00 drive=0 debounce=0 source_index=0 source=\_SB.GPO0 pins=5 vendor=-
    Name (T001, ResourceTemplate ()
    {
        GpioInt (Edge, ActiveBoth, ExclusiveAndWake, PullUp, 0x0000, "\\_SB.GPO0", 0x00, ResourceConsumer, ,) {3}
        GpioInt (Edge, ActiveBoth, Exclusive, PullUp, 0x0000, "\\_SB.GPO0", 0x00, ResourceConsumer, ,) {4}
        GpioInt (Level, ActiveHigh, Exclusive, PullDefault, 0x0000, "\\_SB.GPO0", 0x00, ResourceConsumer, ,) {5}
    })

    // rhproxy style: a GpioIo then a GpioInt for the same pin, both Shared
    // expect T002[0] type=io restriction=none share=shared wake=0 usage=consumer config=0x01 drive=0 debounce=0 source_index=0 source=\_SB.GPIO pins=4 vendor=-
    // expect T002[1] type=int mode=edge polarity=both share=shared wake=0 usage=consumer config=0x01 drive=0 debounce=0 source_index=0 source=\_SB.GPIO pins=4 vendor=-
    Name (T002, ResourceTemplate ()
    {
        GpioIo (Shared, PullUp, 0, 0, IoRestrictionNone, "\\_SB.GPIO", 0, ResourceConsumer, ,) {4}
        GpioInt (Edge, ActiveBoth, Shared, PullUp, 0, "\\_SB.GPIO", 0, ResourceConsumer, ,) {4}
    })

    // no GPIO at all
    // expect T003 gpios=0
    Name (T003, ResourceTemplate ()
    {
        IRQNoFlags () {1}
        IO (Decode16, 0x0070, 0x0070, 0x01, 0x02, )
        Memory32Fixed (ReadOnly, 0xFED00000, 0x00000400, )
    })
}
