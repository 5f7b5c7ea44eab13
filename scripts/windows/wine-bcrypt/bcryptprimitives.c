/*
 * bcryptprimitives.dll for Wine 8.0, which lacks it (added in Wine 9).
 * Go 1.21+ Windows programs load it at start for ProcessPrng and stop with
 * "fatal error: bcryptprimitives.dll not found" without it. Only for the
 * smoke test under Wine (scripts/smoke-wine); never shipped to Windows, which
 * has the real one since Windows 8.
 *
 * ProcessPrng fills the buffer with RtlGenRandom (advapi32's
 * SystemFunction036), which Wine implements with the host's random source.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
	while (length > 0) {
		ULONG n = length > 0x40000000 ? 0x40000000 : (ULONG)length;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		length -= n;
	}
	return TRUE;
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
	(void)instance;
	(void)reason;
	(void)reserved;
	return TRUE;
}
