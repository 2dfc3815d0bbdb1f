// An example YARA rule for casegraph: it matches the neutral placeholder marker that the
// tests plant in files. Replace it with your lab's rules.
rule CasegraphTestMarker
{
    meta:
        description = "neutral test marker planted by casegraph's tests"
    strings:
        $marker = "CASEGRAPH-TEST-MARKER"
    condition:
        $marker
}
